package org.dunbar.formats.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.dunbar.formats.Digits;
import org.dunbar.formats.JsonObjectFormat;
import org.dunbar.formats.JsonRecord;
import org.dunbar.formats.NameSighting;
import org.dunbar.formats.Reasons;
import org.dunbar.formats.RecordRejection;
import org.dunbar.formats.RecordSink;
import org.dunbar.formats.TimeBounds;
import org.dunbar.formats.Timestamps;
import org.dunbar.records.Event;

/**
 * Bluesky Jetstream event lines ({@code format: bluesky-jetstream}): one JSON object a line, {@code
 * {"did", "time_us", "kind", "commit": {"operation", "collection", "rkey", "record"}}} (Jetstream
 * README), each line one record.
 *
 * <p>Mapping (SPEC "Real export formats", lexicons app.bsky.graph.follow, app.bsky.feed.post,
 * .like, .repost):
 *
 * <ul>
 *   <li>follow create → {@code follow} did → {@code record.subject}, {@code post_id} = the follow
 *       record's URI; follow delete → {@code unfollow} with no target and {@code parent_id} = the
 *       deleted record's URI, for the pipeline to resolve from the follow of the same did and rkey
 *       (SPEC "Targets resolved from the parent post");
 *   <li>post create → {@link PostEvents};
 *   <li>like / repost create → {@code like} / {@code reshare} of the account in {@code
 *       record.subject.uri}, {@code parent_id} = that URI;
 *   <li>{@code identity} and {@code account} events, and every other commit (other collections,
 *       updates, deletes of posts, likes and reposts) → skipped, counted by {@link SkipKinds kind};
 *       an {@code identity} event with a handle also names its did for the accounts table.
 * </ul>
 *
 * <p>Checks, the first failing one naming the reason: {@code unparsable}; {@code
 * unsupported_record} (no {@code kind}, or a kind Jetstream does not define); {@code missing_field}
 * ({@code did}, the commit's operation, collection and rkey); then, for an interaction, {@code
 * missing_field} ({@code commit.record} of a create), {@code missing_field}/{@code bad_timestamp}
 * of the chosen time, {@code missing_field} (the record fields the mapping needs: subject, reply
 * parent URI, quoted URI, mention DID), {@code self_follow}, {@code ts_out_of_range}.
 */
public final class BlueskyJetstreamFormat extends JsonObjectFormat {
  private static final long serialVersionUID = 1L;

  public static final EventTime DEFAULT_EVENT_TIME = EventTime.TIME_US;

  private static final String CREATE = "create";

  /** The first {@code time_us} of 19 digits: 18 are enough until the year 33658. */
  private static final long MAX_MICROS = 1_000_000_000_000_000_000L;

  /** "collection operation" of the commits that are interactions, and what each maps to. */
  private static final Map<String, String> EVENT_TYPES =
      Map.of(
          "app.bsky.graph.follow create",
          "follow",
          "app.bsky.graph.follow delete",
          "unfollow",
          PostEvents.POST_COLLECTION + " create",
          "post",
          "app.bsky.feed.like create",
          "like",
          "app.bsky.feed.repost create",
          "reshare");

  /**
   * Every field name the mapping below and {@link PostEvents} read, at any depth: the parsed line
   * holds only these (a post's text, languages and facet byte ranges are passed over).
   */
  private static final Set<String> READ =
      Set.of(
          "kind",
          "did",
          "time_us",
          "identity",
          "handle",
          "commit",
          "operation",
          "collection",
          "rkey",
          "record",
          "subject",
          "createdAt",
          "reply",
          "parent",
          "uri",
          "embed",
          "$type",
          "facets",
          "features");

  private final EventTime eventTime;

  public BlueskyJetstreamFormat(TimeBounds bounds, EventTime eventTime) {
    super(bounds, READ);
    this.eventTime = Objects.requireNonNull(eventTime, "eventTime");
  }

  @Override
  protected void map(String source, long line, JsonNode root, RecordSink sink)
      throws RecordRejection {
    String kind = JsonRecord.text(root, "kind");
    if (kind == null) {
      throw new RecordRejection(Reasons.UNSUPPORTED_RECORD, "not a Jetstream event: no kind");
    }
    if (SkipKinds.isNotice(kind)) {
      if (kind.equals(SkipKinds.IDENTITY)) {
        handle(root).ifPresent(sink::accountName);
      }
      sink.skipped(kind);
      return;
    }
    if (!kind.equals("commit")) {
      throw new RecordRejection(
          Reasons.UNSUPPORTED_RECORD, "kind '" + kind + "' is none of commit, identity, account");
    }
    String did = JsonRecord.required(root, "did", "did");
    JsonNode commit = root.get("commit");
    String operation = JsonRecord.required(commit, "operation", "commit.operation");
    String collection = JsonRecord.required(commit, "collection", "commit.collection");
    AtUri uri = AtUri.of(did, collection, JsonRecord.required(commit, "rkey", "commit.rkey"));
    String type = EVENT_TYPES.get(collection + " " + operation);
    if (type == null) {
      sink.skipped(SkipKinds.ofCommit(collection, operation));
      return;
    }
    JsonNode record = operation.equals(CREATE) ? requiredRecord(commit) : null;
    long ts = ts(root, record);
    List<Event> events =
        switch (type) {
          case "follow" -> {
            String subject = JsonRecord.required(record, "subject", "commit.record.subject");
            if (subject.equals(did)) {
              throw new RecordRejection(
                  Reasons.SELF_FOLLOW, "did and commit.record.subject '" + did + "'");
            }
            yield List.of(event(uri, type, did, subject, uri.text(), null, ts, source, line));
          }
          // The delete names only the record: its subject comes from the follow's create, if the
          // input has it, in the pipeline's target resolution.
          case "unfollow" ->
              List.of(event(uri, type, did, null, null, uri.text(), ts, source, line));
          case "post" -> PostEvents.of(did, uri, record, ts, source, line);
          default -> {
            AtUri subject =
                PostEvents.recordUri(record.get("subject"), "commit.record.subject.uri");
            yield List.of(
                event(uri, type, did, subject.did(), null, subject.text(), ts, source, line));
          }
        };
    JsonRecord.acceptInBounds(ts, events, bounds, sink);
  }

  private static Event event(
      AtUri uri,
      String type,
      String actor,
      String target,
      String postId,
      String parentId,
      long ts,
      String source,
      long line) {
    return new Event(
        uri.text() + "#" + type, type, actor, target, postId, parentId, ts, source, line);
  }

  private static JsonNode requiredRecord(JsonNode commit) throws RecordRejection {
    JsonNode record = commit.get("record");
    if (record == null || !record.isObject()) {
      throw RecordRejection.missing("commit.record");
    }
    return record;
  }

  /**
   * The event's instant in epoch microseconds: {@code record.createdAt} under {@code event_time:
   * created} when the record has one, else {@code time_us}.
   *
   * @param record the created record, or null for a delete
   */
  private long ts(JsonNode root, JsonNode record) throws RecordRejection {
    String createdAt = eventTime == EventTime.CREATED ? JsonRecord.text(record, "createdAt") : null;
    if (createdAt != null) {
      OptionalLong ts = Timestamps.parseText(createdAt);
      if (ts.isEmpty()) {
        throw new RecordRejection(
            Reasons.BAD_TIMESTAMP, "commit.record.createdAt '" + createdAt + "'");
      }
      return ts.getAsLong();
    }
    OptionalLong micros = micros(root);
    if (micros.isEmpty()) {
      String timeUs = JsonRecord.required(root, "time_us", "time_us");
      throw new RecordRejection(Reasons.BAD_TIMESTAMP, "time_us '" + timeUs + "'");
    }
    return micros.getAsLong();
  }

  /**
   * The event's {@code time_us}: always microseconds (Jetstream README), so the SPEC's guess of the
   * unit by size is not used. Empty when it is missing or not a number of at most 18 digits.
   */
  private static OptionalLong micros(JsonNode root) {
    JsonNode value = root.get("time_us");
    long micros;
    if (value != null && value.isIntegralNumber()) {
      // As Jetstream writes it: read as a number, not as its digits.
      micros = value.canConvertToLong() && value.longValue() < MAX_MICROS ? value.longValue() : -1;
    } else {
      String digits = JsonRecord.text(root, "time_us");
      micros = digits != null && digits.length() <= 18 ? Digits.parse(digits) : -1;
    }
    return micros < 0 ? OptionalLong.empty() : OptionalLong.of(micros);
  }

  /**
   * The handle an {@code identity} event gives its {@code did}, at the event's {@code time_us}
   * (issue 11, "Accounts table"). Empty when the event has no handle (the Jetstream README: an
   * identity event may carry only the did), no usable {@code time_us}, or a time outside the
   * study's bounds: the event is skipped all the same, and a name never rejects it.
   */
  private Optional<NameSighting> handle(JsonNode root) {
    OptionalLong ts = micros(root);
    if (ts.isEmpty() || !bounds.contains(ts.getAsLong())) {
      return Optional.empty();
    }
    String handle = JsonRecord.text(root.path("identity"), "handle");
    return NameSighting.of(JsonRecord.text(root, "did"), handle, ts.getAsLong());
  }
}
