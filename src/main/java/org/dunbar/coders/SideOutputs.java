package org.dunbar.coders;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.RawUnionValue;
import org.apache.beam.sdk.transforms.join.UnionCoder;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Several small outputs of a DoFn carried as one, beside its large main output (or, for the read of
 * the inputs, with it: {@link #split(PCollection, String, TupleTag)}).
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

  /** The value when it is one of {@code output}'s, else null. */
  @SuppressWarnings("unchecked")
  public <T> T valueOf(TupleTag<T> output, RawUnionValue value) {
    return tags.get(value.getUnionTag()).equals(output) ? (T) value.getValue() : null;
  }

  /** The carrying output's coder. */
  public Coder<RawUnionValue> coder() {
    return UnionCoder.of(coders);
  }

  /** Sets the carrying output's coder; call on the DoFn's output tuple. */
  public void setCoder(PCollectionTuple out) {
    out.get(tag).setCoder(coder());
  }

  /** The side outputs apart again, each under its own tag with its coder. */
  public PCollectionTuple split(PCollectionTuple out, String name) {
    return split(out.get(tag), name, null);
  }

  /**
   * The outputs apart again, each under its own tag with its coder, but {@code unsplit}: its one
   * consumer reads its values straight from {@code carried} ({@link #valueOf}). That is for a large
   * output whose consumer has side inputs: Flink cannot run such a step in the task of the filter
   * that would split its values off, so they would be written and read once more in between.
   *
   * @param unsplit one of these outputs, or null to split them all
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public PCollectionTuple split(
      PCollection<RawUnionValue> carried, String name, TupleTag<?> unsplit) {
    List<TupleTag<?>> split = tags.stream().filter(t -> !t.equals(unsplit)).toList();
    ParDo.MultiOutput<RawUnionValue, Object> splitFn =
        ParDo.of(new SplitFn(tags, unsplit))
            .withOutputTags(
                (TupleTag) split.get(0), TupleTagList.of(split.subList(1, split.size())));
    PCollectionTuple out = carried.apply(name, splitFn);
    for (TupleTag<?> output : split) {
      out.get((TupleTag) output).setCoder((Coder) coders.get(tags.indexOf(output)));
    }
    return out;
  }

  /**
   * A receiver that takes the carrying output apart as it is written, for a caller that runs the
   * DoFn outside a pipeline ({@code dunbar validate}): each value reaches {@code out} under its own
   * tag, as after {@link #split}.
   */
  public DoFn.OutputReceiver<RawUnionValue> unwrapping(DoFn.MultiOutputReceiver out) {
    return new DoFn.OutputReceiver<>() {
      @Override
      @SuppressWarnings({"unchecked", "rawtypes"})
      public void output(RawUnionValue value) {
        out.get((TupleTag) tags.get(value.getUnionTag())).output(value.getValue());
      }

      @Override
      @SuppressWarnings({"unchecked", "rawtypes"})
      public void outputWithTimestamp(RawUnionValue value, org.joda.time.Instant timestamp) {
        out.get((TupleTag) tags.get(value.getUnionTag()))
            .outputWithTimestamp(value.getValue(), timestamp);
      }
    };
  }

  private static final class SplitFn extends DoFn<RawUnionValue, Object> {
    private final List<TupleTag<?>> tags;
    private final TupleTag<?> unsplit;

    SplitFn(List<TupleTag<?>> tags, TupleTag<?> unsplit) {
      this.tags = tags;
      this.unsplit = unsplit;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @ProcessElement
    public void process(@Element RawUnionValue value, MultiOutputReceiver out) {
      TupleTag output = tags.get(value.getUnionTag());
      if (!output.equals(unsplit)) {
        out.get(output).output(value.getValue());
      }
    }
  }
}
