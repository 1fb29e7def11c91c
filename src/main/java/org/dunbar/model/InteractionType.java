package org.dunbar.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The SPEC's event types, with the orders and groupings the analyses use. */
public enum InteractionType {
  FOLLOW,
  UNFOLLOW,
  POST,
  REPLY,
  MENTION,
  QUOTE,
  MESSAGE,
  RESHARE,
  LIKE;

  /**
   * The interaction layers of the network, in table order: every type that has a target but
   * follows.
   */
  public static final List<InteractionType> INTERACTIONS =
      List.of(REPLY, MENTION, QUOTE, MESSAGE, RESHARE, LIKE);

  /**
   * Called per comparison in the replay's sort, so a map look-up rather than valueOf(upper-case).
   */
  private static final Map<String, InteractionType> BY_LABEL =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(InteractionType::label, t -> t));

  /** The type of a canonical event's {@code type} field (lower case, as ingest leaves it). */
  public static InteractionType of(String label) {
    InteractionType type = BY_LABEL.get(label);
    if (type == null) {
      throw new IllegalArgumentException("not an event type: '" + label + "'");
    }
    return type;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A reply, mention, quote or message: addressed to someone, so it can be answered. */
  public boolean isDirected() {
    return this == REPLY || this == MENTION || this == QUOTE || this == MESSAGE;
  }

  /**
   * Acts on someone's post: the SPEC's parent_id is the post replied to, quoted, reshared or liked.
   */
  public boolean actsOnPost() {
    return this == REPLY || this == QUOTE || this == RESHARE || this == LIKE;
  }

  public boolean isInteraction() {
    return INTERACTIONS.contains(this);
  }

  /** The replay's tie-break at one instant: unfollow, then follow, then everything else. */
  public int replayOrder() {
    return switch (this) {
      case UNFOLLOW -> 0;
      case FOLLOW -> 1;
      default -> 2;
    };
  }
}
