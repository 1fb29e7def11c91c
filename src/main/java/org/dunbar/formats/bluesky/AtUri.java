package org.dunbar.formats.bluesky;

/**
 * The at:// URI of one repository record, {@code at://<authority>/<collection>/<rkey>} (AT Protocol
 * "AT URI scheme"). Records name each other by it: a reply's parent, a quoted post, the subject of
 * a like or repost.
 *
 * @param text the URI as written, kept byte for byte: it is the post id other records refer to
 * @param authority the repository's DID, or (rarely, and never in records the app writes) a handle
 * @param collection the record's collection NSID, e.g. {@code app.bsky.feed.post}
 * @param rkey the record key within the collection
 */
record AtUri(String text, String authority, String collection, String rkey) {
  private static final String SCHEME = "at://";

  /** The URI of the record {@code rkey} of {@code collection} in the repository {@code did}. */
  static AtUri of(String did, String collection, String rkey) {
    return new AtUri(SCHEME + did + "/" + collection + "/" + rkey, did, collection, rkey);
  }

  /** The record URI {@code text}, or null when it is not {@code at://authority/collection/rkey}. */
  static AtUri parse(String text) {
    if (!text.startsWith(SCHEME)) {
      return null;
    }
    String[] parts = text.substring(SCHEME.length()).split("/", -1);
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
      return null;
    }
    return new AtUri(text, parts[0], parts[1], parts[2]);
  }

  /**
   * The account that owns the record when the URI names it by DID; null for a handle, which can
   * change hands, so the record's author is then left to be resolved from the input.
   */
  String did() {
    return authority.startsWith("did:") ? authority : null;
  }
}
