package org.dunbar.formats.twitter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.dunbar.formats.LineFormat;
import org.dunbar.formats.Reasons;
import org.dunbar.formats.RecordSink;
import org.dunbar.formats.TimeBounds;
import org.dunbar.records.Event;

/**
 * What both Twitter adapters share: a line holds one or more tweet records (the API's arrays and
 * pages, and the tweets embedded in retweets and quotes); each record is checked in full before
 * anything of it reaches the sink, then ends with exactly one accepted or rejected.
 */
abstract class TwitterFormat implements LineFormat {
  private static final long serialVersionUID = 1L;

  private final TimeBounds bounds;
  private final SnapshotTime snapshotTime;

  TwitterFormat(TimeBounds bounds, SnapshotTime snapshotTime) {
    this.bounds = Objects.requireNonNull(bounds, "bounds");
    this.snapshotTime = Objects.requireNonNull(snapshotTime, "snapshotTime");
  }

  /** Lays out the records of a line that is a JSON object or array. */
  abstract TweetPage page(JsonNode root);

  @Override
  public final void parse(String source, long line, String text, String header, RecordSink sink) {
    JsonLine json;
    try {
      json = JsonLine.parse(text);
    } catch (IOException e) {
      sink.rejected(Reasons.UNPARSABLE, message(e), null);
      return;
    }
    if (!json.root().isContainerNode()) {
      sink.rejected(Reasons.UNPARSABLE, "not a JSON object or array", null);
      return;
    }
    TweetPage page = page(json.root());
    List<TweetPage.Item> items = page.items();
    if (items.isEmpty()) {
      // An empty timeline or search result is valid and still a record read: it must not vanish
      // uncounted, and it is no error.
      sink.skipped(Notices.EMPTY_PAGE);
      return;
    }
    boolean several = items.size() > 1;
    for (TweetPage.Item item : items) {
      String skip = page.skipKind(item);
      if (skip != null) {
        sink.skipped(skip);
        continue;
      }
      try {
        emit(page, item, json.root(), source, line, sink);
        sink.accepted();
      } catch (Rejection r) {
        sink.rejected(r.reason(), r.detail(), several ? json.raw(item.tweet()) : null);
      }
    }
  }

  private void emit(
      TweetPage page, TweetPage.Item item, JsonNode root, String source, long line, RecordSink sink)
      throws Rejection {
    Tweet tweet = page.read(item);
    Long moment = moment(page, item, root);
    if (!bounds.contains(tweet.ts())) {
      throw new Rejection(
          Reasons.TS_OUT_OF_RANGE,
          "created_at " + Timestamps.instant(tweet.ts()) + " is outside the study's time bounds");
    }
    List<Event> events = TweetEvents.of(tweet, source, line);
    events.forEach(sink::event);
    for (UserCounts user : tweet.users()) {
      if (moment == null) {
        sink.snapshotWithoutMoment();
      } else {
        sink.snapshot(user.at(moment, source, line));
      }
    }
  }

  /** When the record's user objects were observed, or null when the chosen moment is missing. */
  private Long moment(TweetPage page, TweetPage.Item item, JsonNode root) throws Rejection {
    if (snapshotTime == SnapshotTime.CREATED) {
      return item.top() == null ? null : page.created(item.top());
    }
    // twarc2 stamps each page, and flattening copies the stamp into every tweet.
    for (JsonNode holder : new JsonNode[] {item.tweet(), item.top(), root}) {
      JsonNode twarc = holder == null ? null : holder.get("__twarc");
      if (Json.text(twarc, "retrieved_at") != null) {
        return Timestamps.iso(twarc.get("retrieved_at"), "__twarc.retrieved_at");
      }
    }
    return null;
  }

  private static String message(IOException e) {
    return e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
  }
}
