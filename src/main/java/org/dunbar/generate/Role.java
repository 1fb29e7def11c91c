package org.dunbar.generate;

/** What kind of account a simulated user is. */
enum Role {
  /** Posts, interacts, follows and unfollows. */
  REGULAR,
  /** Follows many accounts and unfollows them again within days, hoping for follow-backs. */
  CHURN_BOT,
  /**
   * Posts and interacts but is in no follow, unfollow or baseline edge, so its follower count can
   * only come from snapshots (like an account whose followers were never collected).
   */
  SNAPSHOT_ONLY
}
