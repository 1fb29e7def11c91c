package org.dunbar.canonical;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dunbar.model.Utf8Order;
import org.dunbar.records.Event;

/**
 * The SPEC's id rule for records without {@code event_id} ("Ids and duplicates"), applied to a set
 * of events that holds every copy of each id-less record: the events of one account pair (copies
 * share actor and target, so they share the pair) or one author's posts of one day.
 *
 * <p>Records with the same fields are numbered in (source, line) order within each file: the k-th
 * such line of a file gets occurrence number k and the id SHA-256(fields, k), so two identical
 * lines of one file stay two events, and the k-th copy in another file is a duplicate of the first.
 * Events with their own id pass through untouched ({@link DeduplicateEvents} decides between their
 * copies).
 */
public final class IdlessCopies {
  /** (source, line) order of events, which decides between copies. */
  private static final Comparator<Event> INPUT_ORDER =
      Comparator.comparing(Event::getSource, Utf8Order.COMPARATOR)
          .thenComparingLong(Event::getLine);

  private IdlessCopies() {}

  /**
   * The events to keep and how many copies were dropped. A kept id-less event carries its SPEC id
   * where another kept event of the set has the same instant: ids are never published, they only
   * order events of one instant in the replay, and a SHA-256 per event would cost more than all the
   * rest of its grouping.
   *
   * @param unique every event kept, in no particular order
   * @param duplicates id-less copies dropped
   */
  public record Kept(List<Event> unique, long duplicates) {}

  public static Kept keepFirst(Iterable<Event> events) {
    List<Event> withIds = new ArrayList<>();
    Map<Fields, List<Event>> sameFields = new HashMap<>();
    for (Event e : events) {
      if (e.getEventId() != null) {
        withIds.add(e);
      } else {
        sameFields.computeIfAbsent(Fields.of(e), f -> new ArrayList<>(1)).add(e);
      }
    }
    // Each kept id-less event with its occurrence number k: the first of the k-th lines of each
    // file.
    List<Event> idless = new ArrayList<>();
    List<Long> occurrence = new ArrayList<>();
    long duplicates = 0;
    for (List<Event> copies : sameFields.values()) {
      copies.sort(INPUT_ORDER);
      Map<String, Long> perFile = new HashMap<>();
      Set<Long> kept = new HashSet<>();
      for (Event copy : copies) {
        long k = perFile.merge(copy.getSource(), 1L, Long::sum);
        if (kept.add(k)) {
          idless.add(copy);
          occurrence.add(k);
        } else {
          duplicates++;
        }
      }
    }
    Map<Long, Integer> atInstant = new HashMap<>();
    withIds.forEach(e -> atInstant.merge(e.getTs(), 1, Integer::sum));
    idless.forEach(e -> atInstant.merge(e.getTs(), 1, Integer::sum));
    List<Event> unique = new ArrayList<>(withIds);
    for (int i = 0; i < idless.size(); i++) {
      Event e = idless.get(i);
      unique.add(atInstant.get(e.getTs()) > 1 ? withId(e, occurrence.get(i)) : e);
    }
    return new Kept(unique, duplicates);
  }

  private static Event withId(Event e, long occurrence) {
    return Event.newBuilder(e).setEventId(EventIds.withOccurrence(e, occurrence)).build();
  }

  /** The fields the id hashes, compared exactly: equal fields, equal ids. */
  private record Fields(
      String type, String actor, String target, String postId, String parentId, long ts) {
    static Fields of(Event e) {
      return new Fields(
          e.getType().toLowerCase(Locale.ROOT),
          e.getActor(),
          e.getTarget(),
          e.getPostId(),
          e.getParentId(),
          e.getTs());
    }
  }
}
