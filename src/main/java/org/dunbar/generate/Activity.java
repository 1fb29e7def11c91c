package org.dunbar.generate;

import static org.dunbar.model.InteractionType.FOLLOW;
import static org.dunbar.model.InteractionType.LIKE;
import static org.dunbar.model.InteractionType.MENTION;
import static org.dunbar.model.InteractionType.MESSAGE;
import static org.dunbar.model.InteractionType.POST;
import static org.dunbar.model.InteractionType.QUOTE;
import static org.dunbar.model.InteractionType.REPLY;
import static org.dunbar.model.InteractionType.RESHARE;
import static org.dunbar.model.InteractionType.UNFOLLOW;

import org.dunbar.model.InteractionType;

/**
 * Each account's own initiative on one day: how many posts, likes, replies, follows… it starts.
 * Targets are left open and chosen when the action happens.
 */
final class Activity {
  /** Per unit of activity and day; likes dominate and unfollows are rare, as on real platforms. */
  private static final InteractionType[] TYPES = {
    POST, LIKE, RESHARE, REPLY, MENTION, QUOTE, MESSAGE, FOLLOW, UNFOLLOW
  };

  private static final double[] RATES = {0.25, 0.50, 0.12, 0.15, 0.06, 0.03, 0.08, 0.05, 0.004};

  /** Extra posts a day for the most prominent account: large accounts broadcast. */
  private static final double PROMINENT_POSTS = 3.0;

  private static final double BOT_POSTS = 0.3;
  private static final int BOT_MIN_FOLLOWS = 12;
  private static final int BOT_MAX_FOLLOWS = 40;

  private final Population population;
  private final Rng rng;

  Activity(Population population, Rng rng) {
    this.population = population;
    this.rng = rng;
  }

  void schedule(long dayStart, Timeline timeline) {
    for (int account = 0; account < population.size(); account++) {
      if (population.role(account) == Role.CHURN_BOT) {
        scheduleBot(account, dayStart, timeline);
      } else {
        scheduleRegular(account, dayStart, timeline);
      }
    }
  }

  private void scheduleRegular(int account, long dayStart, Timeline timeline) {
    double activity = population.activity(account);
    boolean follows = population.role(account) != Role.SNAPSHOT_ONLY;
    for (int t = 0; t < TYPES.length; t++) {
      InteractionType type = TYPES[t];
      if (!follows && (type == FOLLOW || type == UNFOLLOW)) {
        continue;
      }
      double mean = activity * RATES[t];
      if (type == POST) {
        mean += PROMINENT_POSTS * population.prominence(account);
      }
      repeat(rng.poisson(mean), type, account, dayStart, timeline);
    }
  }

  private void scheduleBot(int account, long dayStart, Timeline timeline) {
    repeat(rng.poisson(BOT_POSTS), POST, account, dayStart, timeline);
    repeat(
        (int) rng.between(BOT_MIN_FOLLOWS, BOT_MAX_FOLLOWS), FOLLOW, account, dayStart, timeline);
  }

  private void repeat(
      int times, InteractionType type, int account, long dayStart, Timeline timeline) {
    for (int i = 0; i < times; i++) {
      timeline.schedule(
          dayStart + DayClock.sample(rng), type, account, Action.ANYONE, Cause.SPONTANEOUS);
    }
  }
}
