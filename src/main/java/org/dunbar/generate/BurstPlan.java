package org.dunbar.generate;

import org.dunbar.model.InteractionType;

/**
 * One account's burst day: a few hundred strangers follow it within hours, as after a
 * suggested-user listing or a bought batch. They had never interacted with it, nearly all of them
 * never will, and about half leave again within weeks.
 */
final class BurstPlan {
  private static final int MAX_FOLLOWERS = 320;

  /** Share of the eligible strangers that arrive, so small dumps still get a clear burst. */
  private static final double SHARE_OF_STRANGERS = 0.6;

  private static final double SILENT = 0.9;
  private static final double LEAVE = 0.5;

  private final int account;
  private final int day;
  private final boolean[] touched;
  private final boolean[] silent;

  /**
   * The burst's day (0-based) in a dump of {@code days} days: 11/20 of the way through, or earlier
   * when that leaves its followers less than 90 days of input after them, so that the 90-day
   * columns of acquisition_cohorts can compare them with other followers. It moves no earlier than
   * day 28, so the burst rule's 28-day window still sees ordinary days; shorter dumps keep 11/20.
   */
  static int dayFor(int days) {
    int day = days * 11 / 20;
    // A follow on day b is before day b + 1, so b + 1 + 90 <= days - 1 puts 90 days after it
    // before the last day's events.
    int latestWith90DaysAfter = days - 92;
    return day > latestWith90DaysAfter && latestWith90DaysAfter >= 28 ? latestWith90DaysAfter : day;
  }

  BurstPlan(int account, int day, int accounts) {
    this.account = account;
    this.day = day;
    touched = new boolean[accounts];
    silent = new boolean[accounts];
  }

  int account() {
    return account;
  }

  int day() {
    return day;
  }

  /** Records who has interacted with the burst account, in either direction. */
  void noteInteraction(int actor, int target) {
    if (target == account) {
      touched[actor] = true;
    } else if (actor == account) {
      touched[target] = true;
    }
  }

  /** Burst followers and the burst account keep ignoring each other. */
  boolean silenced(int actor, int target) {
    return (actor == account && silent[target]) || (target == account && silent[actor]);
  }

  void schedule(long dayStart, World world, Rng rng, Timeline timeline) {
    IntList strangers = new IntList();
    for (int x = 0; x < touched.length; x++) {
      if (world.role(x) == Role.REGULAR
          && !touched[x]
          && world.canFollow(x, account)
          && !world.graph().follows(account, x)) {
        strangers.add(x);
      }
    }
    int count = Math.min(MAX_FOLLOWERS, (int) (strangers.size() * SHARE_OF_STRANGERS));
    // The listing goes up some time in the morning; most follows come in its first hours.
    long listed = dayStart + 5 * DayClock.HOUR + rng.between(0, 4 * DayClock.HOUR);
    for (int i = 0; i < count; i++) {
      int follower = strangers.removeAt(rng.below(strangers.size()));
      silent[follower] = rng.chance(SILENT);
      long at =
          Math.min(
              listed + (long) rng.exponential(2.5 * DayClock.HOUR), dayStart + DayClock.DAY - 1000);
      timeline.schedule(at, InteractionType.FOLLOW, follower, account, Cause.BURST);
    }
  }

  /** A burst follow took effect: decide whether and when this follower leaves again. */
  void afterFollow(GeneratedEvent follow, Rng rng, Timeline timeline) {
    if (rng.chance(LEAVE)) {
      long at = follow.at() + rng.between(2 * DayClock.DAY, 35 * DayClock.DAY);
      timeline.schedule(at, InteractionType.UNFOLLOW, follow.actor(), account, Cause.UNDO);
    }
  }
}
