package org.dunbar.generate;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.dunbar.model.InteractionType;

/**
 * Writes simulated events as Bluesky Jetstream commit events (Jetstream README; lexicons
 * app.bsky.graph.follow, app.bsky.feed.post, .like, .repost), so that one simulation can be read
 * both as canonical input and as a Jetstream capture.
 *
 * <p>Accounts are the population's names, DIDs ({@code did:plc:<name>}, {@link
 * OutputFormat#accountPrefix}). A follow is a follow record, an unfollow the delete of the record
 * that made that follow (a fresh record key when the edge came from the baseline, whose create
 * predates the capture, so the reader cannot resolve it); a post, reply, quote or mention is a post
 * record with its reply reference, record embed or mention facet; a like or reshare is a like or
 * repost record of the post acted on. Post record keys come from the post id, so a reply names its
 * parent's URI without remembering it.
 *
 * <p>What Jetstream cannot carry is left out: messages (direct messages are not on the network),
 * and likes and reshares of an account that has not posted. A reply, quote or mention without a
 * post to point at is written as a post that mentions the target. {@code time_us} is the simulated
 * instant; {@code createdAt} the same instant in milliseconds.
 */
final class JetstreamLines implements EventEncoder {
  private static final String TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";

  /** Record keys of follows, likes and reposts: far above any post id, so never a post's key. */
  private static final long RECORD_KEYS = 1L << 58;

  private final Population population;
  private final StringBuilder line = new StringBuilder(384);

  /** The record key of each follow edge created in the dump, until its unfollow. */
  private final Map<Long, String> followKeys = new HashMap<>();

  private long nextKey = RECORD_KEYS;

  JetstreamLines(Population population) {
    this.population = population;
  }

  @Override
  public String optionalId() {
    // Every Jetstream record names itself: there is no id to add or leave out.
    return null;
  }

  /** A fresh record key. */
  @Override
  public String newId() {
    return tid(nextKey++);
  }

  @Override
  public boolean writes(GeneratedEvent event) {
    return switch (event.type()) {
      case MESSAGE -> false;
      case LIKE, RESHARE -> event.parentId() != GeneratedEvent.NONE;
      default -> true;
    };
  }

  @Override
  public String line(GeneratedEvent event, String eventId) {
    line.setLength(0);
    String did = population.name(event.actor());
    long pair = (long) event.actor() << 32 | event.target();
    switch (event.type()) {
      case FOLLOW -> {
        String rkey = eventId != null ? eventId : newId();
        followKeys.put(pair, rkey);
        commit(did, event.at(), "create", "app.bsky.graph.follow", rkey);
        record("app.bsky.graph.follow", event.at())
            .append(",\"subject\":\"")
            .append(population.name(event.target()))
            .append("\"}");
      }
      case UNFOLLOW -> {
        String rkey = followKeys.remove(pair);
        commit(did, event.at(), "delete", "app.bsky.graph.follow", rkey != null ? rkey : newId());
      }
      case LIKE, RESHARE -> {
        String collection =
            event.type() == InteractionType.LIKE ? "app.bsky.feed.like" : "app.bsky.feed.repost";
        commit(did, event.at(), "create", collection, eventId != null ? eventId : newId());
        record(collection, event.at()).append(",\"subject\":");
        ref(postUri(event.target(), event.parentId())).append('}');
      }
      default -> post(event, did);
    }
    return line.append("}}").toString();
  }

  private void post(GeneratedEvent event, String did) {
    commit(did, event.at(), "create", "app.bsky.feed.post", tid(event.postId()));
    record("app.bsky.feed.post", event.at()).append(",\"text\":\"simulated\",\"langs\":[\"en\"]");
    boolean parent = event.parentId() != GeneratedEvent.NONE;
    if (event.type() == InteractionType.REPLY && parent) {
      String uri = postUri(event.target(), event.parentId());
      line.append(",\"reply\":{\"root\":");
      ref(uri).append(",\"parent\":");
      ref(uri).append('}');
    } else if (event.type() == InteractionType.QUOTE && parent) {
      line.append(",\"embed\":{\"$type\":\"app.bsky.embed.record\",\"record\":");
      ref(postUri(event.target(), event.parentId())).append('}');
    } else if (event.type() != InteractionType.POST) {
      line.append(",\"facets\":[{\"index\":{\"byteStart\":0,\"byteEnd\":9},")
          .append("\"features\":[{\"$type\":\"app.bsky.richtext.facet#mention\",\"did\":\"")
          .append(population.name(event.target()))
          .append("\"}]}]");
    }
    line.append('}');
  }

  /** A capture cut off mid-line; Jetstream has no counterpart of the other canonical faults. */
  @Override
  public String malformed(Malformation fault, String actor, String other, long at) {
    if (fault != Malformation.UNPARSABLE) {
      return null;
    }
    return "{\"did\":\""
        + actor
        + "\",\"time_us\":"
        + at * 1000
        + ",\"kind\":\"commit\",\"commit\":{\"rev\":\"";
  }

  private void commit(String did, long at, String operation, String collection, String rkey) {
    line.append("{\"did\":\"")
        .append(did)
        .append("\",\"time_us\":")
        .append(at * 1000)
        .append(",\"kind\":\"commit\",\"commit\":{\"rev\":\"")
        .append(tid(at * 1000))
        .append("\",\"operation\":\"")
        .append(operation)
        .append("\",\"collection\":\"")
        .append(collection)
        .append("\",\"rkey\":\"")
        .append(rkey)
        .append('"');
  }

  /** Opens the commit's record; the caller adds its fields and closes it. */
  private StringBuilder record(String type, long at) {
    return line.append(",\"cid\":\"bafyreigenerated\",\"record\":{\"$type\":\"")
        .append(type)
        .append("\",\"createdAt\":\"")
        .append(Instant.ofEpochMilli(at))
        .append('"');
  }

  private StringBuilder ref(String uri) {
    return line.append("{\"uri\":\"").append(uri).append("\",\"cid\":\"bafyreigenerated\"}");
  }

  private String postUri(int author, long postId) {
    return "at://" + population.name(author) + "/app.bsky.feed.post/" + tid(postId);
  }

  /** A record key in the TID form: 13 characters of base32-sortable, the top bit zero. */
  static String tid(long value) {
    char[] chars = new char[13];
    long v = value;
    for (int i = 12; i >= 0; i--) {
      chars[i] = TID_ALPHABET.charAt((int) (v & 31));
      v >>>= 5;
    }
    return new String(chars);
  }
}
