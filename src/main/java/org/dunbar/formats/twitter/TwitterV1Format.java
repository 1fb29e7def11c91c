package org.dunbar.formats.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import org.dunbar.formats.TimeBounds;

/**
 * Twitter API v1.1 tweet JSON: one tweet per line as twarc writes it, or the API's own responses
 * (an array of tweets, a search response), one per line. The mapping is documented for users in
 * docs/twitter.md.
 */
public final class TwitterV1Format extends TwitterFormat {
  private static final long serialVersionUID = 1L;

  /**
   * v1.1 collections are mostly streamed, and v1.1 payloads carry no retrieval time, so the user
   * object in a tweet is taken as observed when the tweet was created.
   */
  public static final SnapshotTime DEFAULT_SNAPSHOT_TIME = SnapshotTime.CREATED;

  public TwitterV1Format(TimeBounds bounds, SnapshotTime snapshotTime) {
    super(bounds, snapshotTime);
  }

  @Override
  TweetPage page(JsonNode root) {
    return new V1Page(root);
  }
}
