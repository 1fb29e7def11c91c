package org.dunbar.canonical;

import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.dunbar.records.Event;

/**
 * The events read, made ready for the pair replay (SPEC "Ids and duplicates", "Targets resolved
 * from the parent post"): {@link RouteEvents} → {@link ResolveTargets} → {@link DeduplicateEvents}.
 *
 * <p>Input: {@link ReadInputs}' output: the events among everything read ({@link
 * ReadInputs#ALL_OUTPUTS}, copies included), and what the read noted of them all for the two
 * filters routing applies ({@link ReadInputs#PENDING_PARENTS} → {@link PendingParents}, {@link
 * ReadInputs#ID_FINGERPRINTS} → {@link RepeatedIds}).
 *
 * <p>Out: the events in two parts, those that named their target ({@link #READY}) and those whose
 * target was resolved ({@link #RESOLVED}), copies still among them, those with their own id without
 * what the replay does not need of them ({@link RouteEvents#forReplay}); the claims of the copies
 * of explicit ids to leave out ({@link #DROPPED_COPIES}); and the tallies of unresolved events and
 * duplicates. The replay drops the named copies and those of id-less records, whose copies share
 * every field and so meet in its grouping ({@link IdlessCopies}).
 */
public final class UniqueEvents extends PTransform<PCollectionTuple, PCollectionTuple> {
  public static final TupleTag<Event> READY = RouteEvents.READY;
  public static final TupleTag<Event> RESOLVED = ResolveTargets.EVENTS;
  public static final TupleTag<IdClaim> DROPPED_COPIES = DeduplicateEvents.DROPPED;

  /**
   * {@code events.unresolved_target.<type>}, {@code events.duplicates}, {@code
   * events.conflicting_duplicates}.
   */
  public static final TupleTag<KV<String, Long>> TALLIES = new TupleTag<>() {};

  private final RepeatedIds repeatedIds;

  /**
   * @param repeatedIds the filter of ids that may repeat, sized for the input ({@link
   *     RepeatedIds#sizedFor})
   */
  public UniqueEvents(RepeatedIds repeatedIds) {
    this.repeatedIds = repeatedIds;
  }

  @Override
  public PCollectionTuple expand(PCollectionTuple read) {
    PCollectionView<PendingParents.Index> pendingParents =
        read.get(ReadInputs.PENDING_PARENTS)
            .apply("Pending parents", Combine.globally(new PendingParents()).asSingletonView());
    PCollectionView<Iterable<RepeatedIds.Shard>> repeated =
        read.get(ReadInputs.ID_FINGERPRINTS).apply("Repeated ids", repeatedIds);
    PCollectionTuple routed =
        read.get(ReadInputs.ALL_OUTPUTS)
            .apply("Route events", new RouteEvents(pendingParents, repeated));
    PCollectionTuple resolved = routed.apply("Resolve targets", new ResolveTargets(repeated));
    PCollectionTuple deduplicated =
        PCollectionList.of(routed.get(RouteEvents.ID_CLAIMS))
            .and(resolved.get(ResolveTargets.ID_CLAIMS))
            .apply("All id claims", Flatten.pCollections())
            .apply("Deduplicate events", new DeduplicateEvents());
    return PCollectionTuple.of(READY, routed.get(RouteEvents.READY))
        .and(RESOLVED, resolved.get(ResolveTargets.EVENTS))
        .and(DROPPED_COPIES, deduplicated.get(DeduplicateEvents.DROPPED))
        .and(
            TALLIES,
            PCollectionList.of(resolved.get(ResolveTargets.TALLIES))
                .and(deduplicated.get(DeduplicateEvents.TALLIES))
                .apply("All event tallies", Flatten.pCollections()));
  }
}
