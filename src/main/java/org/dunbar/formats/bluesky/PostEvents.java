package org.dunbar.formats.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dunbar.formats.JsonRecord;
import org.dunbar.formats.Reasons;
import org.dunbar.formats.RecordRejection;
import org.dunbar.records.Event;

/**
 * The canonical events of one created {@code app.bsky.feed.post} record (lexicon
 * app.bsky.feed.post, app.bsky.embed.record, app.bsky.embed.recordWithMedia,
 * app.bsky.richtext.facet).
 *
 * <p>A reply ({@code record.reply.parent}) and a quote (a record embed of a post) are events of
 * their own; a post that is neither is a {@code post}; every distinct mention facet adds a {@code
 * mention}. Every event carries the post's URI as {@code post_id} and an id made of that URI and
 * the event kind after a {@code #}, which neither a DID, a collection nor a record key may hold:
 * the same commit read twice (overlapping captures) yields the same ids and counts once.
 */
final class PostEvents {
  static final String POST_COLLECTION = "app.bsky.feed.post";
  private static final String EMBED_RECORD = "app.bsky.embed.record";
  private static final String EMBED_RECORD_WITH_MEDIA = "app.bsky.embed.recordWithMedia";
  private static final String MENTION_FEATURE = "app.bsky.richtext.facet#mention";

  private PostEvents() {}

  /**
   * @param did the author
   * @param uri the post's own URI
   * @param record the post record
   * @param ts when, in epoch microseconds
   * @throws RecordRejection {@code missing_field} when a reply parent, quoted record or mention
   *     lacks the URI or DID its lexicon requires, or the URI is not an at:// record URI
   */
  static List<Event> of(String did, AtUri uri, JsonNode record, long ts, String source, long line)
      throws RecordRejection {
    List<Event> events = new ArrayList<>();
    JsonNode reply = record.get("reply");
    if (reply != null && !reply.isNull()) {
      AtUri parent = recordUri(reply.get("parent"), "commit.record.reply.parent.uri");
      events.add(event(uri, "reply", "reply", did, parent.did(), parent.text(), ts, source, line));
    }
    AtUri quoted = quoted(record.get("embed"));
    if (quoted != null) {
      events.add(event(uri, "quote", "quote", did, quoted.did(), quoted.text(), ts, source, line));
    }
    if (events.isEmpty()) {
      events.add(event(uri, "post", "post", did, null, null, ts, source, line));
    }
    for (String mentioned : mentions(record.get("facets"))) {
      events.add(
          event(uri, "mention:" + mentioned, "mention", did, mentioned, null, ts, source, line));
    }
    return events;
  }

  /**
   * The post a record embed quotes; null for no embed, a media-only embed, or an embedded record
   * that is not a post (a feed generator, list or starter pack is shared, not quoted).
   */
  private static AtUri quoted(JsonNode embed) throws RecordRejection {
    String type = JsonRecord.text(embed, "$type");
    JsonNode ref;
    String field;
    if (EMBED_RECORD.equals(type)) {
      ref = embed.get("record");
      field = "commit.record.embed.record.uri";
    } else if (EMBED_RECORD_WITH_MEDIA.equals(type)) {
      JsonNode inner = embed.get("record");
      ref = inner == null ? null : inner.get("record");
      field = "commit.record.embed.record.record.uri";
    } else {
      return null;
    }
    AtUri uri = recordUri(ref, field);
    return uri.collection().equals(POST_COLLECTION) ? uri : null;
  }

  /** The DIDs of the mention facets, each once, in the order written. */
  private static Set<String> mentions(JsonNode facets) throws RecordRejection {
    Set<String> dids = new LinkedHashSet<>();
    if (facets == null || !facets.isArray()) {
      return dids;
    }
    for (JsonNode facet : facets) {
      JsonNode features = facet.get("features");
      if (features == null || !features.isArray()) {
        continue;
      }
      for (JsonNode feature : features) {
        if (MENTION_FEATURE.equals(JsonRecord.text(feature, "$type"))) {
          dids.add(JsonRecord.required(feature, "did", "commit.record.facets[].features[].did"));
        }
      }
    }
    return dids;
  }

  /** The at:// URI of a strong ref ({@code {uri, cid}}), as the lexicon requires it. */
  static AtUri recordUri(JsonNode strongRef, String field) throws RecordRejection {
    String text = JsonRecord.required(strongRef, "uri", field);
    AtUri uri = AtUri.parse(text);
    if (uri == null) {
      throw new RecordRejection(Reasons.MISSING_FIELD, field + " is not an at:// record URI");
    }
    return uri;
  }

  /** An event of the post {@code uri}: its id is the URI, {@code #} and {@code kind}. */
  private static Event event(
      AtUri uri,
      String kind,
      String type,
      String actor,
      String target,
      String parentId,
      long ts,
      String source,
      long line) {
    return new Event(
        uri.text() + "#" + kind, type, actor, target, uri.text(), parentId, ts, source, line);
  }
}
