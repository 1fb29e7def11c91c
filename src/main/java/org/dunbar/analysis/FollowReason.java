package org.dunbar.analysis;

import java.util.Locale;

/** Why an effective follow happened: the first of the SPEC's rules that matches. */
public enum FollowReason {
  FOLLOW_BACK,
  CONVERSATION,
  OUTREACH,
  ENGAGED,
  BURST,
  UNEXPLAINED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static FollowReason of(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
