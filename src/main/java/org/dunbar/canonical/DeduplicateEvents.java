package org.dunbar.canonical;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.dunbar.formats.EventIds;
import org.dunbar.records.Event;

/**
 * Gives every event its id and keeps one event per id (SPEC "Ids and duplicates").
 *
 * <p>One grouping serves both rules: records with their own id are grouped by it; records without
 * one are grouped by the hash of their fields, which both numbers identical lines within each file
 * (the occurrence number) and brings together copies of them from other files. In every group the
 * first record in (source, line) order is kept.
 */
public final class DeduplicateEvents extends PTransform<PCollection<Event>, PCollectionTuple> {
  public static final TupleTag<Event> UNIQUE = new TupleTag<>() {};
  /** {@code events.duplicates} and {@code events.conflicting_duplicates}, per group that has any. */
  public static final TupleTag<KV<String, Long>> TALLIES = new TupleTag<>() {};

  static final Comparator<Event> INPUT_ORDER =
      Comparator.comparing(Event::getSource, Utf8Order.COMPARATOR).thenComparingLong(Event::getLine);

  @Override
  public PCollectionTuple expand(PCollection<Event> events) {
    PCollectionTuple out = events
        .apply("Key by id or fields", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(Event.class)))
            .via(e -> KV.of(e.getEventId() != null ? "id:" + e.getEventId() : "fields:" + EventIds.fieldsKey(e), e)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), AvroCoder.specific(Event.class)))
        .apply("Group copies", GroupByKey.create())
        .apply("Keep first copy", ParDo.of(new KeepFirstFn()).withOutputTags(UNIQUE, TupleTagList.of(TALLIES)));
    out.get(UNIQUE).setCoder(AvroCoder.specific(Event.class));
    out.get(TALLIES).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    return out;
  }

  static final class KeepFirstFn extends DoFn<KV<String, Iterable<Event>>, Event> {
    @ProcessElement
    public void process(@Element KV<String, Iterable<Event>> group, MultiOutputReceiver out) {
      List<Event> copies = new ArrayList<>();
      group.getValue().forEach(copies::add);
      copies.sort(INPUT_ORDER);
      long duplicates = 0;
      long conflicting = 0;
      if (group.getKey().startsWith("id:")) {
        Event kept = copies.get(0);
        out.get(UNIQUE).output(kept);
        for (Event copy : copies.subList(1, copies.size())) {
          duplicates++;
          conflicting += sameContent(kept, copy) ? 0 : 1;
        }
      } else {
        // Identical fields: the k-th such line of a file gets occurrence number k, so the k-th
        // copy in another file has the same id and is the duplicate.
        Map<String, Long> occurrences = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Event copy : copies) {
          long k = occurrences.merge(copy.getSource(), 1L, Long::sum);
          String id = EventIds.withOccurrence(copy, k);
          if (seen.add(id)) {
            out.get(UNIQUE).output(Event.newBuilder(copy).setEventId(id).build());
          } else {
            duplicates++;
          }
        }
      }
      if (duplicates > 0) {
        out.get(TALLIES).output(KV.of("events.duplicates", duplicates));
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
