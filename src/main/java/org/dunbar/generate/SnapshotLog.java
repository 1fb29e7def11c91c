package org.dunbar.generate;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;

/**
 * Account snapshots, taken at midnight UTC before any event of the day, so a replayed count at that
 * instant is exactly the state the simulation holds.
 *
 * <p>Snapshot-only accounts get a weekly row from an invented audience that grows a few percent a
 * week. The largest replay accounts get a row every two weeks whose count runs ahead of the replay
 * by a small, growing amount: followers the dump cannot explain (off-platform fame, lost events).
 */
final class SnapshotLog {
  static final String HEADER = "account,ts,followers,following,posts";
  private static final int WEEK = 7;
  private static final int FORTNIGHT = 14;

  private final World world;
  private final Rng rng;
  private final Writer out;
  private final int[] snapshotOnly;
  private final double[] invented;
  private final double[] weeklyGrowth;
  private final int[] inventedFollowing;
  private final int[] drift;
  private final int[] unexplained;
  private long rows;

  SnapshotLog(World world, Rng rng, Writer out) throws IOException {
    this.world = world;
    this.rng = rng;
    this.out = out;
    Population population = world.population();
    IntList accounts = new IntList();
    for (int i = 0; i < population.size(); i++) {
      if (population.role(i) == Role.SNAPSHOT_ONLY) {
        accounts.add(i);
      }
    }
    snapshotOnly = new int[accounts.size()];
    invented = new double[snapshotOnly.length];
    weeklyGrowth = new double[snapshotOnly.length];
    inventedFollowing = new int[snapshotOnly.length];
    for (int k = 0; k < snapshotOnly.length; k++) {
      int account = accounts.get(k);
      snapshotOnly[k] = account;
      double prominence = population.prominence(account);
      invented[k] = (20 + 3000 * prominence * prominence) * (0.5 + rng.uniform());
      weeklyGrowth[k] = -0.01 + 0.05 * rng.uniform();
      inventedFollowing[k] = 30 + rng.below(600);
    }
    drift = population.driftAccounts();
    unexplained = new int[drift.length];
    out.write(HEADER);
    out.write('\n');
  }

  void take(int day, long dayStart) throws IOException {
    if (day % WEEK == 0) {
      for (int k = 0; k < snapshotOnly.length; k++) {
        row(snapshotOnly[k], dayStart, Math.round(invented[k]), inventedFollowing[k]);
        invented[k] *= 1 + weeklyGrowth[k] + 0.01 * rng.gaussian();
        inventedFollowing[k] += rng.below(5) - 1;
      }
    }
    if (day % FORTNIGHT == WEEK) {
      FollowGraph graph = world.graph();
      for (int k = 0; k < drift.length; k++) {
        unexplained[k] += 1 + rng.below(6);
        int account = drift[k];
        row(
            account,
            dayStart,
            graph.followers(account) + unexplained[k],
            graph.followingCount(account));
      }
    }
  }

  long rows() {
    return rows;
  }

  private void row(int account, long at, long followers, long following) throws IOException {
    Population population = world.population();
    // Posts made before the dump began, so the column looks like a lifetime total.
    long earlier =
        Math.round(400 * population.activity(account) + 5000 * population.prominence(account));
    out.write(
        population.name(account)
            + ','
            + Instant.ofEpochMilli(at)
            + ','
            + followers
            + ','
            + following
            + ','
            + (earlier + world.posts().created(account))
            + '\n');
    rows++;
  }
}
