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

  /** An input whose payloads carry their own retrieval time, if any. */
  public TwitterV1Format(TimeBounds bounds, SnapshotTime snapshotTime) {
    this(bounds, snapshotTime, null);
  }

  /**
   * @param retrievedAt when the input was retrieved (its {@code retrieved_at}), UTC epoch
   *     microseconds, for {@link SnapshotTime#RETRIEVED} where a payload has no stamp; null for
   *     none
   */
  public TwitterV1Format(TimeBounds bounds, SnapshotTime snapshotTime, Long retrievedAt) {
    super(bounds, snapshotTime, retrievedAt);
  }

  @Override
  TweetPage page(JsonNode root) {
    return new V1Page(root);
  }
}
