package org.dunbar.formats;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import org.dunbar.records.Event;

/** The SPEC's checks of a canonical event record, in the SPEC's order. */
final class EventChecks {
  static final Set<String> TYPES =
      Set.of(
          "follow", "unfollow", "post", "reply", "mention", "quote", "message", "reshare", "like");

  /**
   * The types whose target is the author of their parent post: a record of one of them may leave
   * {@code target} empty when it names {@code parent_id}, and the pipeline resolves it from the
   * post with that {@code post_id} (SPEC "Targets resolved from the parent post").
   */
  static final Set<String> PARENT_AUTHOR_TYPES = Set.of("reply", "quote", "reshare", "like");

  /** The fields of a canonical record. */
  static final List<String> FIELDS =
      List.of("event_id", "type", "actor", "target", "post_id", "parent_id", "ts");

  private EventChecks() {}

  /** Checks one record and passes it to the sink as an event or a rejection. */
  static void check(
      RecordFields fields, String source, long line, TimeBounds bounds, RecordSink sink) {
    String givenType = fields.get("type");
    if (givenType == null) {
      sink.rejected(Reasons.MISSING_FIELD, fields.missing("type"), null);
      return;
    }
    String type = givenType.toLowerCase(Locale.ROOT);
    if (!TYPES.contains(type)) {
      sink.rejected(Reasons.UNKNOWN_TYPE, Details.value("type", givenType), null);
      return;
    }
    String actor = fields.get("actor");
    if (actor == null) {
      sink.rejected(Reasons.MISSING_FIELD, fields.missing("actor"), null);
      return;
    }
    String target = null;
    if (!type.equals("post")) {
      target = fields.get("target");
      if (target == null
          && !(PARENT_AUTHOR_TYPES.contains(type) && fields.get("parent_id") != null)) {
        sink.rejected(Reasons.MISSING_FIELD, fields.missing("target"), null);
        return;
      }
    }
    String givenTs = fields.get("ts");
    if (givenTs == null) {
      sink.rejected(Reasons.MISSING_FIELD, fields.missing("ts"), null);
      return;
    }
    OptionalLong ts = Timestamps.parseText(givenTs);
    if (ts.isEmpty()) {
      sink.rejected(Reasons.BAD_TIMESTAMP, Details.value("ts", givenTs), null);
      return;
    }
    if ((type.equals("follow") || type.equals("unfollow")) && actor.equals(target)) {
      sink.rejected(Reasons.SELF_FOLLOW, Details.value("actor and target", actor), null);
      return;
    }
    Event event =
        new Event(
            fields.get("event_id"),
            type,
            actor,
            target,
            fields.get("post_id"),
            fields.get("parent_id"),
            ts.getAsLong(),
            source,
            line);
    acceptInBounds(event, bounds, sink);
  }

  /** Passes a checked event on when it is within the study's time bounds. */
  static void acceptInBounds(Event event, TimeBounds bounds, RecordSink sink) {
    if (BoundsCheck.passes(event.getTs(), bounds, sink)) {
      sink.event(event);
      sink.accepted();
    }
  }
}
