package org.dunbar.canonical;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.dunbar.coders.RecordCoders;
import org.dunbar.records.Event;

/**
 * Keeps one event per explicit {@code event_id} (SPEC "Ids and duplicates"): the first in (source,
 * line) order; a dropped copy whose content differs also counts as a conflicting duplicate.
 *
 * <p>Events without an id pass through unchanged. Their copies share every field, so they share an
 * account pair, and the pair replay drops them in the grouping it needs anyway ({@link
 * IdlessCopies}): one shuffle of the events instead of two. Only records with their own id, whose
 * copies may differ in content and so land in different pairs, are grouped here.
 */
public final class DeduplicateEvents extends PTransform<PCollection<Event>, PCollectionTuple> {
  /** One event per explicit id, and every id-less event. */
  public static final TupleTag<Event> EVENTS = new TupleTag<>() {};
  /** {@code events.duplicates} and {@code events.conflicting_duplicates}, per id that has any. */
  public static final TupleTag<KV<String, Long>> TALLIES = new TupleTag<>() {};

  static final Comparator<Event> INPUT_ORDER =
      Comparator.comparing(Event::getSource, Utf8Order.COMPARATOR).thenComparingLong(Event::getLine);

  @Override
  public PCollectionTuple expand(PCollection<Event> events) {
    PCollectionTuple byId = events
        .apply("With their own id", Filter.by(e -> e.getEventId() != null))
        .apply("Key by id", WithKeys.of(Event::getEventId).withKeyType(TypeDescriptors.strings()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), RecordCoders.event()))
        .apply("Group copies", GroupByKey.create())
        .apply("Keep first copy", ParDo.of(new KeepFirstFn()).withOutputTags(EVENTS, TupleTagList.of(TALLIES)));
    byId.get(EVENTS).setCoder(RecordCoders.event());
    byId.get(TALLIES).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    PCollection<Event> kept = PCollectionList
        .of(byId.get(EVENTS))
        .and(events.apply("Without an id", Filter.by(e -> e.getEventId() == null)))
        .apply("All kept", Flatten.pCollections())
        .setCoder(RecordCoders.event());
    return PCollectionTuple.of(EVENTS, kept).and(TALLIES, byId.get(TALLIES));
  }

  static final class KeepFirstFn extends DoFn<KV<String, Iterable<Event>>, Event> {
    @ProcessElement
    public void process(@Element KV<String, Iterable<Event>> group, MultiOutputReceiver out) {
      List<Event> copies = new ArrayList<>();
      group.getValue().forEach(copies::add);
      copies.sort(INPUT_ORDER);
      Event kept = copies.get(0);
      out.get(EVENTS).output(kept);
      long conflicting = copies.stream().skip(1).filter(copy -> !sameContent(kept, copy)).count();
      if (copies.size() > 1) {
        out.get(TALLIES).output(KV.of("events.duplicates", copies.size() - 1L));
      }
      if (conflicting > 0) {
        out.get(TALLIES).output(KV.of("events.conflicting_duplicates", conflicting));
      }
    }

    private static boolean sameContent(Event a, Event b) {
      return a.getType().equals(b.getType())
          && a.getActor().equals(b.getActor())
          && Objects.equals(a.getTarget(), b.getTarget())
          && Objects.equals(a.getPostId(), b.getPostId())
          && Objects.equals(a.getParentId(), b.getParentId())
          && a.getTs() == b.getTs();
    }
  }
}
