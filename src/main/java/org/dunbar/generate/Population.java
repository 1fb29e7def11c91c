package org.dunbar.generate;

import java.util.Locale;

/**
 * The accounts and their fixed traits: name, role, how attractive they are to follow and engage
 * with, and how active they are.
 *
 * <p>Attractiveness follows Zipf's law over a random ranking: with every follow choosing its target
 * by it, audience sizes come out heavy-tailed, a few accounts with hundreds or thousands of
 * followers and most with a handful.
 */
final class Population {
  private final String[] names;
  private final Role[] roles;
  private final double[] prominence;
  private final double[] activity;
  private final int[] byRank;
  private final double[] cumulativeWeight;

  private Population(int size) {
    names = new String[size];
    roles = new Role[size];
    prominence = new double[size];
    activity = new double[size];
    byRank = new int[size];
    cumulativeWeight = new double[size];
  }

  /**
   * @param namePrefix put before every account's name, so that every file of the dump names an
   *     account alike: {@code did:plc:} where the events are Bluesky's ({@link
   *     OutputFormat#accountPrefix})
   */
  static Population create(int size, Rng rng, String namePrefix) {
    Population p = new Population(size);
    for (int i = 0; i < size; i++) {
      p.names[i] = namePrefix + String.format(Locale.ROOT, "u%06d", i);
      p.roles[i] = Role.REGULAR;
      p.byRank[i] = i;
    }
    // Shuffled so that the name says nothing about the size.
    for (int i = size - 1; i > 0; i--) {
      int j = rng.below(i + 1);
      int swap = p.byRank[i];
      p.byRank[i] = p.byRank[j];
      p.byRank[j] = swap;
    }
    double[] weight = new double[size];
    for (int rank = 0; rank < size; rank++) {
      int account = p.byRank[rank];
      weight[account] = 1.0 / (rank + 1);
      p.prominence[account] = StrictMath.sqrt(weight[account]);
    }
    double sum = 0;
    for (int i = 0; i < size; i++) {
      sum += weight[i];
      p.cumulativeWeight[i] = sum;
      // Lognormal: most people are a little active, a few very.
      p.activity[i] = StrictMath.exp(-0.3 + 0.8 * rng.gaussian());
    }
    // Bots are obscure: drawn from the lower half of the ranking.
    p.assign(Role.CHURN_BOT, Math.max(1, size / 300), size / 2, rng);
    // Snapshot-only accounts come in every size, as in an API dump of whoever tweeted.
    p.assign(Role.SNAPSHOT_ONLY, Math.max(2, size / 50), 1, rng);
    return p;
  }

  /**
   * Gives a role to distinct regular accounts ranked at or below minRank, sparing reserved ones.
   */
  private void assign(Role role, int count, int minRank, Rng rng) {
    for (int done = 0; done < count; ) {
      int rank = minRank + rng.below(size() - minRank);
      int account = byRank[rank];
      if (roles[account] == Role.REGULAR && rank != burstRank() && rank >= driftCount()) {
        roles[account] = role;
        done++;
      }
    }
  }

  int size() {
    return names.length;
  }

  String name(int account) {
    return names[account];
  }

  Role role(int account) {
    return roles[account];
  }

  /** sqrt of the Zipf weight relative to the top account: 1 for it, 0.1 at rank 100. */
  double prominence(int account) {
    return prominence[account];
  }

  double activity(int account) {
    return activity[account];
  }

  /** An account drawn with probability proportional to its Zipf weight. */
  int popular(Rng rng) {
    double u = rng.uniform() * cumulativeWeight[cumulativeWeight.length - 1];
    int low = 0;
    int high = cumulativeWeight.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulativeWeight[mid] <= u) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /**
   * The account that gets a burst: well known enough to be put on a suggested-user list, small
   * enough that its ordinary day brings about one new follower.
   */
  int burstAccount() {
    return byRank[burstRank()];
  }

  private int burstRank() {
    return Math.max(5, size() / 40);
  }

  /** The largest accounts, whose snapshots show growth that the dump cannot explain. */
  int[] driftAccounts() {
    int[] drift = new int[driftCount()];
    System.arraycopy(byRank, 0, drift, 0, drift.length);
    return drift;
  }

  private int driftCount() {
    return 3 + size() / 1000;
  }
}
