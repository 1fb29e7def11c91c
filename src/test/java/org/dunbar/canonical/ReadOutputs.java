package org.dunbar.canonical;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.join.RawUnionValue;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.dunbar.coders.Deferred;
import org.dunbar.coders.RecordCoders;
import org.dunbar.records.Event;

/**
 * Hand-made events as {@link ReadInputs} would output them, for tests of the steps after it: the
 * events among the read's outputs, and the two filters routing builds from what the read noted.
 *
 * @param records the events, as {@link ReadInputs#ALL_OUTPUTS} holds them
 * @param pendingParents {@link PendingParents} of the events
 * @param repeatedIds {@link RepeatedIds} of the events (2<sup>16</sup> bits)
 */
record ReadOutputs(
    PCollection<RawUnionValue> records,
    PCollectionView<PendingParents.Index> pendingParents,
    PCollectionView<Iterable<RepeatedIds.Shard>> repeatedIds) {

  static ReadOutputs of(Pipeline p, List<Event> events) {
    PCollection<RawUnionValue> records =
        p.apply(
            "Records",
            Create.of(
                    events.stream()
                        .map(
                            e ->
                                ReadInputs.OUTPUTS.of(
                                    ReadInputs.EVENTS, Deferred.of(e, RecordCoders.event())))
                        .toList())
                .withCoder(ReadInputs.OUTPUTS.coder()));
    PCollectionView<PendingParents.Index> parents =
        p.apply(
                "Parents",
                Create.of(
                        events.stream()
                            .map(RouteEvents::pendingParent)
                            .filter(Objects::nonNull)
                            .toList())
                    .withCoder(StringUtf8Coder.of()))
            .apply(Combine.globally(new PendingParents()).asSingletonView());
    long[] fingerprints =
        events.stream()
            .map(Event::getEventId)
            .filter(Objects::nonNull)
            .mapToLong(RepeatedIds::fingerprint)
            .toArray();
    PCollectionView<Iterable<RepeatedIds.Shard>> repeated =
        p.apply(
                "Fingerprints",
                Create.of(new IdFingerprints(fingerprints)).withCoder(IdFingerprints.Coder.of()))
            .apply(new RepeatedIds(RepeatedIds.MIN_LOG2_BITS));
    return new ReadOutputs(records, parents, repeated);
  }

  /** The events routed, as {@link UniqueEvents} routes them. */
  PCollectionTuple route() {
    return records.apply(new RouteEvents(pendingParents, repeatedIds));
  }

  /** The events among a read's outputs ({@link ReadInputs#ALL_OUTPUTS}). */
  static PCollection<Event> events(PCollectionTuple read) {
    return read.get(ReadInputs.ALL_OUTPUTS)
        .apply(
            "Events read",
            FlatMapElements.into(TypeDescriptor.of(Event.class))
                .via(record -> Optional.ofNullable(ReadInputs.eventOf(record)).stream().toList()))
        .setCoder(RecordCoders.event());
  }
}
