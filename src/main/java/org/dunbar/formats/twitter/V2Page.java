package org.dunbar.formats.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A v2 line: a twarc2 page {@code {"data":[...],"includes":{"users":[...],"tweets":[...]}}}, or one
 * tweet as twarc2's flattening writes it (expansions copied inline: {@code author}, {@code
 * in_reply_to_user}, expanded {@code referenced_tweets} and mention entities). The referenced
 * tweets ({@code includes.tweets}, or expanded inline) are records of their own.
 *
 * <p>v2 separates users from tweets, so a user object belongs to no single tweet: each top-level
 * tweet snapshots the user objects of every account it involves (author, the accounts it replies
 * to, quotes, retweets or mentions), and names each by its {@code username}. Referenced tweets
 * snapshot and name nothing; the tweet that references them involves their authors.
 */
final class V2Page implements TweetPage {
  private final List<Item> items = new ArrayList<>();
  private final Map<String, JsonNode> tweetsById = new HashMap<>();
  private final Map<String, JsonNode> usersById = new HashMap<>();
  private final Map<String, String> idsByUsername = new HashMap<>();

  V2Page(JsonNode root) {
    JsonNode data = root.get("data");
    if (data == null) {
      (root.isArray() ? root : List.of(root)).forEach(tweet -> add(tweet, tweet));
      return;
    }
    if (data.isObject()) {
      add(data, data);
    } else if (data.isArray()) {
      data.forEach(tweet -> add(tweet, tweet));
    }
    JsonNode includes = root.path("includes");
    includes.path("tweets").forEach(tweet -> add(tweet, null));
    includes.path("users").forEach(this::addUser);
  }

  private void add(JsonNode tweet, JsonNode top) {
    items.add(new Item(tweet, top));
    if (!tweet.isObject()) {
      return;
    }
    String id = Json.text(tweet, "id");
    if (id != null) {
      tweetsById.putIfAbsent(id, tweet);
    }
    addUser(tweet.get("author"));
    addUser(tweet.get("in_reply_to_user"));
    for (JsonNode mention : tweet.path("entities").path("mentions")) {
      // Only flattening merges a user object into a mention entity; a bare entity is no user.
      if (mention.has("public_metrics")) {
        addUser(mention);
      }
    }
    for (JsonNode referenced : tweet.path("referenced_tweets")) {
      if (isExpanded(referenced)) {
        add(referenced, top);
      }
    }
  }

  /** A referenced entry is a whole tweet once flattening merged one into its {type, id}. */
  private static boolean isExpanded(JsonNode referenced) {
    if (!referenced.isObject()) {
      return false;
    }
    for (Iterator<String> names = referenced.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("type") && !name.equals("id")) {
        return true;
      }
    }
    return false;
  }

  private void addUser(JsonNode user) {
    String id = Json.text(user, "id");
    if (id == null) {
      return;
    }
    usersById.putIfAbsent(id, user);
    String username = Json.text(user, "username");
    if (username != null) {
      // Usernames are case-insensitive on Twitter: "@twitterdev" names @TwitterDev.
      idsByUsername.putIfAbsent(username.toLowerCase(Locale.ROOT), id);
    }
  }

  @Override
  public List<Item> items() {
    return items;
  }

  @Override
  public String skipKind(Item item) {
    JsonNode node = item.tweet();
    String notice = Notices.singleKey(node, Notices.V2_COMPLIANCE);
    if (notice != null) {
      return notice;
    }
    if (Notices.error(node) != null) {
      return Notices.ERROR;
    }
    // A page without `data` whose meta says it found nothing: twarc2 writes these for empty
    // searches.
    boolean emptyResult =
        node.isObject()
            && !node.has("id")
            && node.path("meta").path("result_count").asLong(-1) == 0;
    return emptyResult ? Notices.EMPTY_PAGE : null;
  }

  @Override
  public Tweet read(Item item) throws Rejection {
    JsonNode node = item.tweet();
    Rejection.requireTweet(node, "id", "author_id", "created_at");
    String id = Rejection.required(Json.text(node, "id"), "id");
    String author = Rejection.required(Json.text(node, "author_id"), "author_id");
    String retweeted = referenced(node, "retweeted");
    Tweet.Link reshare = null;
    Tweet.Link reply = null;
    Tweet.Link quote = null;
    Mentions mentions = Mentions.NONE;
    if (retweeted != null) {
      reshare = new Tweet.Link(authorOf(retweeted), retweeted);
    } else {
      reply = reply(node);
      String quoted = referenced(node, "quoted");
      quote = quoted == null ? null : new Tweet.Link(authorOf(quoted), quoted);
      JsonNode entities = node.path("entities").get("mentions");
      mentions = Mentions.resolve(entities, this::idOfUsername, "username", "id");
    }
    long ts = TwitterTimes.iso(node.get("created_at"), "created_at");
    Set<String> involved =
        item.tweet() == item.top() ? involved(author, reply, quote, reshare, mentions) : Set.of();
    return new Tweet(
        id, author, ts, reply, quote, reshare, mentions, counts(involved), names(involved));
  }

  @Override
  public Long created(JsonNode top) {
    try {
      return TwitterTimes.iso(top.get("created_at"), "created_at");
    } catch (Rejection e) {
      return null;
    }
  }

  private Tweet.Link reply(JsonNode node) throws Rejection {
    String target = Json.text(node, "in_reply_to_user_id");
    String parent = referenced(node, "replied_to");
    // A reply naming only the tweet leaves its target to that tweet's author.
    return target == null && parent == null ? null : new Tweet.Link(target, parent);
  }

  /** The id of the tweet this one references as {@code type}, or null. */
  private static String referenced(JsonNode node, String type) throws Rejection {
    for (JsonNode referenced : node.path("referenced_tweets")) {
      if (type.equals(Json.text(referenced, "type"))) {
        return Rejection.required(Json.text(referenced, "id"), "referenced_tweets.id");
      }
    }
    return null;
  }

  /**
   * The author of a referenced tweet, from the tweet in the line; null when the line lacks it (the
   * API leaves deleted, protected and withheld tweets out of includes.tweets). v2 names only the id
   * of a referenced tweet, so the pipeline then resolves the author from a copy of that tweet
   * elsewhere in the input (SPEC "Targets resolved from the parent post").
   */
  private String authorOf(String tweetId) {
    return Json.text(tweetsById.get(tweetId), "author_id");
  }

  private String idOfUsername(String username) {
    return idsByUsername.get(username.toLowerCase(Locale.ROOT));
  }

  /** The accounts a top-level tweet involves: its author and every account it interacts with. */
  private static Set<String> involved(
      String author, Tweet.Link reply, Tweet.Link quote, Tweet.Link reshare, Mentions mentions) {
    Set<String> accounts = new LinkedHashSet<>();
    accounts.add(author);
    for (Tweet.Link link : new Tweet.Link[] {reply, quote, reshare}) {
      // A target left to the pipeline has no user object here to snapshot.
      if (link != null && link.target() != null) {
        accounts.add(link.target());
      }
    }
    accounts.addAll(mentions.ids());
    return accounts;
  }

  private List<UserCounts> counts(Set<String> accounts) throws Rejection {
    List<UserCounts> users = new ArrayList<>();
    for (String account : accounts) {
      JsonNode user = usersById.get(account);
      if (user != null) {
        UserCounts.read(
                account,
                user.get("public_metrics"),
                "public_metrics of user " + account,
                "followers_count",
                "following_count",
                "tweet_count")
            .ifPresent(users::add);
      }
    }
    return users;
  }

  /** The usernames of the accounts' user objects, where the line has one. */
  private List<Tweet.Name> names(Set<String> accounts) {
    List<Tweet.Name> names = new ArrayList<>();
    for (String account : accounts) {
      JsonNode user = usersById.get(account);
      if (user != null) {
        names.add(new Tweet.Name(account, Json.text(user, "username"), false));
      }
    }
    return names;
  }
}
