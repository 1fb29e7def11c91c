package org.dunbar.formats.twitter;

import java.util.ArrayList;
import java.util.List;
import org.dunbar.records.Event;

/**
 * The canonical events of one tweet. Ids come from the tweet id and the event kind alone, so every
 * copy of a tweet (standalone, embedded in a retweet, in another collection, through the other API
 * version) yields the same ids and the pipeline's dedupe by id counts it once.
 */
final class TweetEvents {
  private TweetEvents() {}

  static List<Event> of(Tweet tweet, String source, long line) {
    List<Event> events = new ArrayList<>();
    if (tweet.reshare() != null) {
      // A retweet's entities are copied from the original: its mentions are not the retweeter's.
      events.add(linked(tweet, "reshare", tweet.reshare(), source, line));
      return events;
    }
    if (tweet.reply() != null) {
      events.add(linked(tweet, "reply", tweet.reply(), source, line));
    }
    if (tweet.quote() != null) {
      events.add(linked(tweet, "quote", tweet.quote(), source, line));
    }
    if (events.isEmpty()) {
      events.add(event(tweet, "post", "tweet:" + tweet.id() + ":post", null, null, source, line));
    }
    String repliedTo = tweet.reply() == null ? null : tweet.reply().target();
    for (String mentioned : tweet.mentions().ids()) {
      // The API lists the replied-to user among the mentions; the reply already counts it.
      if (!mentioned.equals(repliedTo)) {
        String id = "tweet:" + tweet.id() + ":mention:" + mentioned;
        events.add(event(tweet, "mention", id, mentioned, null, source, line));
      }
    }
    for (String name : tweet.mentions().unresolved()) {
      // No target and no parent: the pipeline counts it as unresolved_target.mention. The "@"
      // keeps the id apart from every user-id mention of the same tweet.
      String id = "tweet:" + tweet.id() + ":mention:@" + name;
      events.add(event(tweet, "mention", id, null, null, source, line));
    }
    return events;
  }

  private static Event linked(Tweet tweet, String type, Tweet.Link link, String source, long line) {
    String id = "tweet:" + tweet.id() + ":" + type;
    return event(tweet, type, id, link.target(), link.parentId(), source, line);
  }

  private static Event event(
      Tweet tweet,
      String type,
      String eventId,
      String target,
      String parentId,
      String source,
      long line) {
    return new Event(
        eventId, type, tweet.author(), target, tweet.id(), parentId, tweet.ts(), source, line);
  }
}
