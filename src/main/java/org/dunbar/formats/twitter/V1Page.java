package org.dunbar.formats.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A v1.1 line: one tweet (twarc), an array of tweets (timelines, lookups) or a search response
 * {@code {"statuses":[...]}}. The retweeted and quoted tweets embedded in a tweet are records of
 * their own, so they yield their own events and snapshots.
 */
final class V1Page implements TweetPage {
  private static final String[] EMBEDDED = {"retweeted_status", "quoted_status"};

  private final List<Item> items = new ArrayList<>();

  V1Page(JsonNode root) {
    JsonNode statuses = root.get("statuses");
    JsonNode tweets =
        root.isArray() ? root : statuses != null && statuses.isArray() ? statuses : null;
    if (tweets == null) {
      add(root, root);
    } else {
      tweets.forEach(tweet -> add(tweet, tweet));
    }
  }

  private void add(JsonNode tweet, JsonNode top) {
    items.add(new Item(tweet, top));
    for (String key : EMBEDDED) {
      JsonNode embedded = tweet.get(key);
      if (Json.isObject(embedded)) {
        add(embedded, top);
      }
    }
  }

  @Override
  public List<Item> items() {
    return items;
  }

  @Override
  public String skipKind(Item item) {
    String notice = Notices.singleKey(item.tweet(), Notices.V1_STREAM);
    return notice != null ? notice : Notices.error(item.tweet());
  }

  @Override
  public Tweet read(Item item) throws Rejection {
    JsonNode node = item.tweet();
    Rejection.requireTweet(node, "id_str|id", "user", "created_at");
    String id = Rejection.required(Json.text(node, "id_str", "id"), "id_str");
    JsonNode user = node.get("user");
    String author = Rejection.required(Json.text(user, "id_str", "id"), "user.id_str");
    Tweet.Link reshare = null;
    Tweet.Link reply = null;
    Tweet.Link quote = null;
    Mentions mentions = Mentions.NONE;
    List<Tweet.Name> names = new ArrayList<>();
    names.add(new Tweet.Name(author, Json.text(user, "screen_name"), false));
    JsonNode original = node.get("retweeted_status");
    if (Json.isObject(original)) {
      reshare = embedded(original, null);
    } else {
      reply = reply(node);
      quote = quote(node);
      JsonNode extended = node.path("extended_tweet").get("entities");
      JsonNode entities = Json.isObject(extended) ? extended : node.get("entities");
      JsonNode userMentions = entities == null ? null : entities.get("user_mentions");
      // v1.1 mention entities always carry the id; nothing in the line could resolve a bare name.
      mentions = Mentions.resolve(userMentions, name -> null, "screen_name", "id_str", "id");
      if (reply != null && reply.target() != null) {
        String repliedTo = Json.text(node, "in_reply_to_screen_name");
        names.add(new Tweet.Name(reply.target(), repliedTo, true));
      }
      if (userMentions != null && userMentions.isArray()) {
        for (JsonNode mention : userMentions) {
          String mentioned = Json.text(mention, "id_str", "id");
          names.add(new Tweet.Name(mentioned, Json.text(mention, "screen_name"), true));
        }
      }
    }
    long ts = TwitterTimes.v1(node.get("created_at"), "created_at");
    List<UserCounts> users =
        UserCounts.read(author, user, "user", "followers_count", "friends_count", "statuses_count")
            .map(List::of)
            .orElse(List.of());
    return new Tweet(id, author, ts, reply, quote, reshare, mentions, users, names);
  }

  @Override
  public Long created(JsonNode top) {
    try {
      return TwitterTimes.v1(top.get("created_at"), "created_at");
    } catch (Rejection e) {
      return null;
    }
  }

  private static Tweet.Link reply(JsonNode node) {
    String target = Json.text(node, "in_reply_to_user_id_str", "in_reply_to_user_id");
    String parent = Json.text(node, "in_reply_to_status_id_str", "in_reply_to_status_id");
    // A reply to a user, not to one of their tweets (old "@name ..." tweets), has no parent; a
    // reply naming only the tweet leaves its target to that tweet's author.
    return target == null && parent == null ? null : new Tweet.Link(target, parent);
  }

  private static Tweet.Link quote(JsonNode node) {
    String quotedId = Json.text(node, "quoted_status_id_str", "quoted_status_id");
    JsonNode quoted = node.get("quoted_status");
    if (Json.isObject(quoted)) {
      return embedded(quoted, quotedId);
    }
    boolean quoting = node.path("is_quote_status").asBoolean(false) || quotedId != null;
    // The API leaves the quoted tweet out when it is deleted or protected: its author is then
    // resolved from a copy of it elsewhere in the input (SPEC "Targets resolved from the parent
    // post"). Without even its id, the quote is skipped as unresolved_target.
    return quoting ? new Tweet.Link(null, quotedId) : null;
  }

  /**
   * The link to an embedded original or quoted tweet: its author and id as far as it gives them
   * (the embedded tweet is a record of its own and is checked as one).
   *
   * @param outerId the id the embedding tweet gives it, used when the embedded object has none
   */
  private static Tweet.Link embedded(JsonNode tweet, String outerId) {
    String parent = Json.text(tweet, "id_str", "id");
    return new Tweet.Link(
        Json.text(tweet.get("user"), "id_str", "id"), parent != null ? parent : outerId);
  }
}
