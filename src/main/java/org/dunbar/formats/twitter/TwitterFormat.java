package org.dunbar.formats.twitter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.dunbar.formats.Framing;
import org.dunbar.formats.JsonErrors;
import org.dunbar.formats.LineFormat;
import org.dunbar.formats.NameSighting;
import org.dunbar.formats.Reasons;
import org.dunbar.formats.RecordSink;
import org.dunbar.formats.TimeBounds;
import org.dunbar.formats.Unicode;
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

  /** The input's retrieved_at, UTC epoch microseconds; null when the study gives none. */
  private final Long retrievedAt;

  TwitterFormat(TimeBounds bounds, SnapshotTime snapshotTime, Long retrievedAt) {
    this.bounds = Objects.requireNonNull(bounds, "bounds");
    this.snapshotTime = Objects.requireNonNull(snapshotTime, "snapshotTime");
    this.retrievedAt = retrievedAt;
  }

  /** Lays out the records of a line that is a JSON object or array. */
  abstract TweetPage page(JsonNode root);

  /** JSON lines, or JSON documents over many lines (a pretty-printed array of tweets). */
  @Override
  public final Framing framing(String source) {
    return Framing.JSON;
  }

  @Override
  public final void parse(String source, long line, String text, String header, RecordSink sink) {
    JsonLine json;
    try {
      json = JsonLine.parse(text);
    } catch (JsonProcessingException e) {
      sink.rejected(Reasons.UNPARSABLE, JsonErrors.describe(e), null);
      return;
    } catch (IOException e) {
      // Reading from a String fails only through JsonProcessingException.
      throw new UncheckedIOException(e);
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
      // Each record's own line: where it starts when the document spans lines.
      long at = json.lineOf(item.tweet(), line);
      try {
        emit(page, item, json.root(), source, at, sink);
        sink.accepted();
      } catch (Rejection r) {
        sink.rejected(r.reason(), r.detail(), several ? json.raw(item.tweet()) : null, at);
      }
    }
  }

  private void emit(
      TweetPage page, TweetPage.Item item, JsonNode root, String source, long line, RecordSink sink)
      throws Rejection {
    Tweet tweet = page.read(item);
    requireUnicode(tweet);
    Long moment = moment(page, item, root);
    if (!bounds.contains(tweet.ts())) {
      throw new Rejection(
          Reasons.TS_OUT_OF_RANGE,
          "created_at " + TwitterTimes.instant(tweet.ts()) + " is outside the study's time bounds");
    }
    List<Event> events = TweetEvents.of(tweet, source, line);
    events.forEach(sink::event);
    Long observed = moment != null || item.top() == null ? moment : page.created(item.top());
    names(tweet, observed, sink);
    for (UserCounts user : tweet.users()) {
      if (moment == null) {
        sink.snapshotWithoutMoment();
      } else {
        sink.snapshot(user.at(moment, source, line));
      }
    }
  }

  /**
   * Passes the names the record gives accounts (issue 11, "Accounts table"). A user object shows
   * the user as it was when the payload was served, so its name is dated like its counts: an
   * embedded original's author carries the name of the retweet's day, not of the original's. Where
   * the chosen moment is missing, the top-level tweet's creation is the earliest the payload can
   * have been served. A mention's or reply's screen name is text of the tweet (Twitter does not
   * rewrite it on a rename): it holds at the tweet's own creation.
   *
   * @param observed when the record's user objects were observed, or null when nothing says
   */
  private static void names(Tweet tweet, Long observed, RecordSink sink) {
    for (Tweet.Name name : tweet.names()) {
      Long at = name.written() ? Long.valueOf(tweet.ts()) : observed;
      if (at != null) {
        NameSighting.of(name.account(), name.name(), at).ifPresent(sink::accountName);
      }
    }
  }

  /**
   * When the record's user objects were observed, or null when the chosen moment is missing. For
   * {@code retrieved}: twarc's stamp where the payload has one (it is the page's own), else the
   * input's {@code retrieved_at} (v1.1 payloads never have a stamp).
   */
  private Long moment(TweetPage page, TweetPage.Item item, JsonNode root) throws Rejection {
    if (snapshotTime == SnapshotTime.CREATED) {
      return item.top() == null ? null : page.created(item.top());
    }
    // twarc2 stamps each page, and flattening copies the stamp into every tweet.
    for (JsonNode holder : new JsonNode[] {item.tweet(), item.top(), root}) {
      JsonNode twarc = holder == null ? null : holder.get("__twarc");
      if (Json.text(twarc, "retrieved_at") != null) {
        return TwitterTimes.iso(twarc.get("retrieved_at"), "__twarc.retrieved_at");
      }
    }
    return retrievedAt;
  }

  /**
   * Every id the tweet yields must be valid Unicode: a lone surrogate escape has no UTF-8 form, so
   * two different ids could be written as one (SPEC: unparsable). Text that is never stored, such
   * as the tweet's text, is not checked.
   */
  private static void requireUnicode(Tweet tweet) throws Rejection {
    List<String[]> ids = new ArrayList<>();
    ids.add(new String[] {"tweet id", tweet.id()});
    ids.add(new String[] {"author id", tweet.author()});
    for (Tweet.Link link : new Tweet.Link[] {tweet.reply(), tweet.quote(), tweet.reshare()}) {
      if (link != null) {
        ids.add(new String[] {"target id", link.target()});
        ids.add(new String[] {"parent id", link.parentId()});
      }
    }
    tweet.mentions().ids().forEach(id -> ids.add(new String[] {"mention id", id}));
    // An unresolved mention's username becomes part of its event id.
    tweet
        .mentions()
        .unresolved()
        .forEach(name -> ids.add(new String[] {"mentioned username", name}));
    tweet.users().forEach(user -> ids.add(new String[] {"user id", user.account()}));
    for (String[] id : ids) {
      String invalid = id[1] == null ? null : Unicode.invalid(id[0], id[1]);
      if (invalid != null) {
        throw new Rejection(Reasons.UNPARSABLE, invalid);
      }
    }
  }
}
