package org.dunbar.generate;

import java.util.Locale;

/** The SPEC's event types, with what each one carries in the canonical format. */
enum EventType {
  FOLLOW,
  UNFOLLOW,
  POST,
  REPLY,
  MENTION,
  QUOTE,
  MESSAGE,
  RESHARE,
  LIKE;

  final String json = name().toLowerCase(Locale.ROOT);

  /** Reply, mention, quote and message: the SPEC's directed interactions. */
  boolean directed() {
    return this == REPLY || this == MENTION || this == QUOTE || this == MESSAGE;
  }

  /** Acts on another account's post, so the event must point at a real one. */
  boolean needsParent() {
    return this == REPLY || this == QUOTE || this == RESHARE || this == LIKE;
  }

  /** Makes a post others can answer, as a tweet that replies, mentions or quotes is one. */
  boolean createsPost() {
    return this == POST || this == REPLY || this == MENTION || this == QUOTE;
  }
}
