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

  public TwitterV2Format(TimeBounds bounds, SnapshotTime snapshotTime) {
    super(bounds, snapshotTime);
  }

  @Override
  TweetPage page(JsonNode root) {
    return new V2Page(root);
  }
}
