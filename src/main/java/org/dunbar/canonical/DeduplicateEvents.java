package org.dunbar.canonical;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Decides which copy of each explicit {@code event_id} is kept (SPEC "Ids and duplicates"): the
 * first in (source, line) order; a dropped copy whose content differs also counts as a conflicting
 * duplicate.
 *
 * <p>It groups the slim {@link IdClaim}s of the events by id, not the events: the events go to the
 * pair replay once, and each copy that loses follows them there as a notice ({@link #DROPPED}),
 * routed to the same replay group, where the copy is left out. Copies with the same content share
 * that group; a conflicting copy is dropped from its own. Events without an id never come here:
 * their copies share every field, so the pair replay finds them itself ({@link IdlessCopies}).
 *
 * <p>Input: {@link IdClaim}s keyed by event id, of every event with its own id, after target
 * resolution. The kept copy decides: when its target could not be resolved, the event is counted as
 * unresolved and its other copies as duplicates, as if the copies had been dropped first.
 */
public final class DeduplicateEvents
    extends PTransform<PCollection<KV<String, IdClaim>>, PCollectionTuple> {
  /** The claims of the copies to drop, one per copy. */
  public static final TupleTag<IdClaim> DROPPED = new TupleTag<>() {};

  /**
   * {@code events.duplicates} and {@code events.conflicting_duplicates} per id that has any, and
   * {@code events.unresolved_target.<type>} per id whose kept copy could not be resolved.
   */
  public static final TupleTag<KV<String, Long>> TALLIES = new TupleTag<>() {};

  @Override
  public PCollectionTuple expand(PCollection<KV<String, IdClaim>> claims) {
    PCollectionTuple out =
        claims
            .apply("Group claims by id", GroupByKey.create())
            .apply(
                "Keep first copy",
                ParDo.of(new KeepFirstFn()).withOutputTags(DROPPED, TupleTagList.of(TALLIES)));
    out.get(DROPPED).setCoder(IdClaim.Coder.of());
    out.get(TALLIES).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    return out;
  }

  static final class KeepFirstFn extends DoFn<KV<String, Iterable<IdClaim>>, IdClaim> {
    @ProcessElement
    public void process(@Element KV<String, Iterable<IdClaim>> group, MultiOutputReceiver out) {
      List<IdClaim> copies = new ArrayList<>();
      group.getValue().forEach(copies::add);
      copies.sort(IdClaim.INPUT_ORDER);
      IdClaim kept = copies.get(0);
      if (kept.unresolved()) {
        out.get(TALLIES).output(ResolveTargets.unresolved(kept.type()));
      }
      if (copies.size() == 1) {
        return;
      }
      List<IdClaim> dropped = copies.subList(1, copies.size());
      // An unresolved copy is in no replay group: there is nothing to leave out.
      dropped.stream().filter(copy -> !copy.unresolved()).forEach(out.get(DROPPED)::output);
      out.get(TALLIES).output(KV.of("events.duplicates", (long) dropped.size()));
      long conflicting =
          dropped.stream().filter(copy -> !copy.content().equals(kept.content())).count();
      if (conflicting > 0) {
        out.get(TALLIES).output(KV.of("events.conflicting_duplicates", conflicting));
      }
    }
  }
}
