package org.dunbar.formats.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import org.dunbar.formats.TimeBounds;

/**
 * Twitter API v2 JSON lines: twarc2 pages, or one flattened tweet per line. The mapping is
 * documented for users in docs/twitter.md.
 */
public final class TwitterV2Format extends TwitterFormat {
  private static final long serialVersionUID = 1L;

  /**
   * v2 user objects come in {@code includes.users}, filled in when the page is retrieved, and
   * twarc2 stamps each page with that moment.
   */
  public static final SnapshotTime DEFAULT_SNAPSHOT_TIME = SnapshotTime.RETRIEVED;

  /** An input whose payloads carry their own retrieval time, if any. */
  public TwitterV2Format(TimeBounds bounds, SnapshotTime snapshotTime) {
    this(bounds, snapshotTime, null);
  }

  /**
   * @param retrievedAt when the input was retrieved (its {@code retrieved_at}), UTC epoch
   *     microseconds, for {@link SnapshotTime#RETRIEVED} where a payload has no stamp; null for
   *     none
   */
  public TwitterV2Format(TimeBounds bounds, SnapshotTime snapshotTime, Long retrievedAt) {
    super(bounds, snapshotTime, retrievedAt);
  }

  @Override
  TweetPage page(JsonNode root) {
    return new V2Page(root);
  }
}
