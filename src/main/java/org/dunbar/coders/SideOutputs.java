package org.dunbar.coders;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.RawUnionValue;
import org.apache.beam.sdk.transforms.join.UnionCoder;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Several small outputs of a DoFn carried as one, beside its large main output.
 *
 * <p>Flink's batch runner gives a multi-output DoFn one stream of tagged values and a filter per
 * output, and every filter reads, and the DoFn writes, every value of every output. A DoFn that
 * emits a million events and a few thousand rejects thus wrote and read its events once per output.
 * With the small outputs folded into one tagged side output, the large one is written and read
 * twice, and the small ones are split apart afterwards ({@link #split}).
 */
public final class SideOutputs implements Serializable {
  private static final long serialVersionUID = 1L;

  private final TupleTag<RawUnionValue> tag = new TupleTag<>() {};
  private final List<TupleTag<?>> tags;
  private final List<Coder<?>> coders;

  private SideOutputs(List<TupleTag<?>> tags, List<Coder<?>> coders) {
    this.tags = tags;
    this.coders = coders;
  }

  /** Starts a set of side outputs; add each with {@link #and}. */
  public static SideOutputs create() {
    return new SideOutputs(List.of(), List.of());
  }

  /** The same side outputs and one more, of values with this coder. */
  public <T> SideOutputs and(TupleTag<T> output, Coder<T> coder) {
    List<TupleTag<?>> moreTags = new ArrayList<>(tags);
    List<Coder<?>> moreCoders = new ArrayList<>(coders);
    moreTags.add(output);
    moreCoders.add(coder);
    return new SideOutputs(List.copyOf(moreTags), List.copyOf(moreCoders));
  }

  /** True when {@code output} is one of these side outputs. */
  public boolean carries(TupleTag<?> output) {
    return tags.contains(output);
  }

  /** The DoFn's output that carries them all. */
  public TupleTag<RawUnionValue> tag() {
    return tag;
  }

  /** A value for one of the side outputs, as the carrying output holds it. */
  public <T> RawUnionValue of(TupleTag<T> output, T value) {
    int index = tags.indexOf(output);
    if (index < 0) {
      throw new IllegalArgumentException("not one of these side outputs: " + output);
    }
    return new RawUnionValue(index, value);
  }

  /** Sets the carrying output's coder; call on the DoFn's output tuple. */
  public void setCoder(PCollectionTuple out) {
    out.get(tag).setCoder(UnionCoder.of(coders));
  }

  /** The side outputs apart again, each under its own tag with its coder. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public PCollectionTuple split(PCollectionTuple out, String name) {
    ParDo.MultiOutput<RawUnionValue, Object> splitFn =
        ParDo.of(new SplitFn(tags))
            .withOutputTags((TupleTag) tags.get(0), TupleTagList.of(tags.subList(1, tags.size())));
    PCollectionTuple split = out.get(tag).apply(name, splitFn);
    for (int i = 0; i < tags.size(); i++) {
      split.get((TupleTag) tags.get(i)).setCoder((Coder) coders.get(i));
    }
    return split;
  }

  /**
   * A receiver that takes the carrying output apart as it is written, for a caller that runs the
   * DoFn outside a pipeline ({@code dunbar validate}): each value reaches {@code out} under its own
   * tag, as after {@link #split}.
   */
  public DoFn.MultiOutputReceiver unwrapping(DoFn.MultiOutputReceiver out) {
    return new DoFn.MultiOutputReceiver() {
      @Override
      @SuppressWarnings({"unchecked", "rawtypes"})
      public <T> DoFn.OutputReceiver<T> get(TupleTag<T> output) {
        if (!output.equals(tag)) {
          return out.get(output);
        }
        return (DoFn.OutputReceiver<T>)
            new DoFn.OutputReceiver<RawUnionValue>() {
              @Override
              public void output(RawUnionValue value) {
                out.get((TupleTag) tags.get(value.getUnionTag())).output(value.getValue());
              }

              @Override
              public void outputWithTimestamp(
                  RawUnionValue value, org.joda.time.Instant timestamp) {
                out.get((TupleTag) tags.get(value.getUnionTag()))
                    .outputWithTimestamp(value.getValue(), timestamp);
              }
            };
      }

      @Override
      public <T> DoFn.OutputReceiver<org.apache.beam.sdk.values.Row> getRowReceiver(
          TupleTag<T> output) {
        return out.getRowReceiver(output);
      }
    };
  }

  private static final class SplitFn extends DoFn<RawUnionValue, Object> {
    private final List<TupleTag<?>> tags;

    SplitFn(List<TupleTag<?>> tags) {
      this.tags = tags;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @ProcessElement
    public void process(@Element RawUnionValue value, MultiOutputReceiver out) {
      out.get((TupleTag) tags.get(value.getUnionTag())).output(value.getValue());
    }
  }
}
