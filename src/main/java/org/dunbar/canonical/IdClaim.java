package org.dunbar.canonical;

import java.util.Comparator;
import java.util.Objects;
import org.dunbar.coders.CompactCoder;
import org.dunbar.coders.CompactReader;
import org.dunbar.coders.CompactWriter;
import org.dunbar.model.Utf8Order;
import org.dunbar.records.Event;

/**
 * What deduplication by {@code event_id} needs of one event that has its own id (SPEC "Ids and
 * duplicates"): where it was read, which replay group holds it, and a digest of its content. The
 * event itself travels once, to the pair replay; the claims of one id are grouped apart, and each
 * copy that loses goes to the replay as a notice to drop it ({@link DeduplicateEvents}).
 *
 * @param eventId the event's own id
 * @param source the input file it was read from
 * @param line its 1-based physical line there
 * @param type its type; with actor, target and instant it names the event's replay group
 * @param actor the account that acts
 * @param target the account acted on; null for a post
 * @param ts the instant, epoch microseconds
 * @param content {@link EventIds#contentDigest}: copies with other content are conflicting
 *     duplicates
 * @param unresolved whether the event's target could not be resolved: such a copy is in no replay
 *     group, and is counted as unresolved when it is the one kept
 */
public record IdClaim(
    String eventId,
    String source,
    long line,
    String type,
    String actor,
    String target,
    long ts,
    ContentDigest content,
    boolean unresolved) {

  /** (source, line) order: the first claim of an id keeps its event. */
  static final Comparator<IdClaim> INPUT_ORDER =
      Comparator.comparing(IdClaim::source, Utf8Order.COMPARATOR).thenComparingLong(IdClaim::line);

  /** The claim of an event that has its own id and a target (or is a post). */
  public static IdClaim of(Event event) {
    return claim(event, false);
  }

  /** The claim of an event that has its own id and whose target cannot be resolved. */
  public static IdClaim ofUnresolved(Event event) {
    return claim(event, true);
  }

  private static IdClaim claim(Event event, boolean unresolved) {
    return new IdClaim(
        event.getEventId(),
        event.getSource(),
        event.getLine(),
        event.getType(),
        event.getActor(),
        event.getTarget(),
        event.getTs(),
        EventIds.contentDigest(event),
        unresolved);
  }

  /**
   * Whether this claim was made by {@code event}, as the pair replay holds it: same id read at the
   * same place, with the same type, actor, target and instant. A line that holds a page of records
   * may hold two copies of one id; when they differ only in post or parent ids, which the replay's
   * events no longer carry ({@link RouteEvents#forReplay}), they are alike to it.
   */
  public boolean madeBy(Event event) {
    return eventId.equals(event.getEventId())
        && line == event.getLine()
        && source.equals(event.getSource())
        && type.equals(event.getType())
        && actor.equals(event.getActor())
        && Objects.equals(target, event.getTarget())
        && ts == event.getTs();
  }

  /** Deterministic; every field. */
  public static final class Coder extends CompactCoder<IdClaim> {
    private static final Coder INSTANCE = new Coder();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    protected void write(IdClaim c, CompactWriter out) {
      out.string(c.eventId)
          .string(c.source)
          .unsigned(c.line)
          .string(c.type)
          .string(c.actor)
          .string(c.target)
          .signed(c.ts)
          .fixed64(c.content.high())
          .fixed64(c.content.low())
          .bool(c.unresolved);
    }

    @Override
    protected IdClaim read(CompactReader in) {
      return new IdClaim(
          in.string(),
          in.string(),
          in.unsigned(),
          in.string(),
          in.string(),
          in.string(),
          in.signed(),
          new ContentDigest(in.fixed64(), in.fixed64()),
          in.bool());
    }
  }
}
