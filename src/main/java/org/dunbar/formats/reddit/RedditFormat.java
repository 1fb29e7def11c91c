package org.dunbar.formats.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.dunbar.formats.JsonObjectFormat;
import org.dunbar.formats.JsonRecord;
import org.dunbar.formats.Reasons;
import org.dunbar.formats.RecordRejection;
import org.dunbar.formats.RecordSink;
import org.dunbar.formats.TimeBounds;
import org.dunbar.formats.Timestamps;
import org.dunbar.records.Event;

/**
 * Reddit comment and submission dumps ({@code format: reddit}): the Pushshift / Arctic Shift
 * monthly files {@code RC_YYYY-MM} and {@code RS_YYYY-MM}, plain or {@code .zst}, and the
 * per-subreddit extracts made from them; one JSON object a line, each line one record.
 *
 * <p>A record with a {@code parent_id} field is a comment, one with a {@code title} and no {@code
 * parent_id} a submission (the file name is not used: extracts are renamed freely).
 *
 * <ul>
 *   <li>submission → {@code post} by {@code author}, {@code post_id} = {@code t3_<id>};
 *   <li>comment → {@code reply} by {@code author}, {@code post_id} = {@code t1_<id>}, {@code
 *       parent_id} as written ({@code t1_…} a comment, {@code t3_…} a submission) and no target:
 *       the pipeline resolves it to the parent's author across the whole input, and skips it as
 *       {@code unresolved_target} when the parent is not there (SPEC "Targets resolved from the
 *       parent post");
 *   <li>an object whose author is {@code [deleted]} or {@code [removed]} names no account: skipped
 *       as {@value #DELETED_AUTHOR}.
 * </ul>
 *
 * <p>Event ids are {@code reddit:<fullname>}: Reddit's ids are unique, so the same object in two
 * overlapping dumps (Pushshift and Arctic Shift cover the same months) counts once.
 *
 * <p>Checks, the first failing one naming the reason: {@code unparsable}; {@code
 * unsupported_record} (neither a comment nor a submission); {@code missing_field} ({@code id},
 * {@code author}, a comment's {@code parent_id} when it is not {@code t1_…}/{@code t3_…}, {@code
 * created_utc}); {@code bad_timestamp} ({@code created_utc} neither an integer nor a string of
 * digits); {@code ts_out_of_range}.
 */
public final class RedditFormat extends JsonObjectFormat {
  private static final long serialVersionUID = 1L;

  /** The skip kind of an object whose author account is gone. */
  public static final String DELETED_AUTHOR = "deleted_author";

  /** What the dumps write for an author that is no longer known. */
  private static final Set<String> NO_AUTHOR = Set.of("[deleted]", "[removed]");

  /** The fields the mapping reads: a dump's line holds dozens more, checked but not kept. */
  private static final Set<String> READ =
      Set.of("parent_id", "title", "id", "author", "created_utc");

  public RedditFormat(TimeBounds bounds) {
    super(bounds, READ);
  }

  @Override
  protected void map(String source, long line, JsonNode object, RecordSink sink)
      throws RecordRejection {
    boolean comment = object.has("parent_id");
    if (!comment && !object.has("title")) {
      throw new RecordRejection(
          Reasons.UNSUPPORTED_RECORD, "neither a comment (parent_id) nor a submission (title)");
    }
    String id = JsonRecord.required(object, "id", "id");
    String author = JsonRecord.required(object, "author", "author");
    if (NO_AUTHOR.contains(author)) {
      sink.skipped(DELETED_AUTHOR);
      return;
    }
    String parentId = comment ? parent(object) : null;
    long ts = createdUtc(object);
    Event event =
        comment
            ? new Event(
                "reddit:t1_" + id, "reply", author, null, "t1_" + id, parentId, ts, source, line)
            : new Event(
                "reddit:t3_" + id, "post", author, null, "t3_" + id, null, ts, source, line);
    JsonRecord.acceptInBounds(ts, List.of(event), bounds, sink);
  }

  /** A comment's parent: the fullname of a comment ({@code t1_}) or a submission ({@code t3_}). */
  private static String parent(JsonNode comment) throws RecordRejection {
    String parentId = JsonRecord.required(comment, "parent_id", "parent_id");
    if (!(parentId.startsWith("t1_") || parentId.startsWith("t3_")) || parentId.length() == 3) {
      throw new RecordRejection(
          Reasons.MISSING_FIELD,
          "parent_id '" + parentId + "' names neither a comment (t1_) nor a submission (t3_)");
    }
    return parentId;
  }

  /**
   * {@code created_utc} in epoch microseconds: the dumps write it as an integer or, in some months,
   * a string of digits; its unit is told by its size as the SPEC says for every epoch number.
   */
  private static long createdUtc(JsonNode object) throws RecordRejection {
    JsonNode value = object.get("created_utc");
    if (value == null || value.isNull() || (value.isTextual() && value.textValue().isEmpty())) {
      throw RecordRejection.missing("created_utc");
    }
    String created = JsonRecord.text(object, "created_utc");
    OptionalLong ts = created == null ? OptionalLong.empty() : Timestamps.parseEpochDigits(created);
    if (ts.isEmpty()) {
      throw new RecordRejection(Reasons.BAD_TIMESTAMP, "created_utc " + value);
    }
    return ts.getAsLong();
  }
}
