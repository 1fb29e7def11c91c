package org.dunbar.generate;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;

/**
 * The follow graph as it stood when the dump begins. Some pairs follow each other, and half of
 * those among regular accounts are already friends, so conversations run from the first day.
 */
final class Baseline {
  /** Followees per regular account on average, before the dump. */
  private static final double MEAN_FOLLOWING = 6;

  private static final double MUTUAL_FRIENDS = 0.5;
  private static final int TRIES = 4;

  private final World world;
  private final Rng rng;
  private final Writer out;
  private long edges;

  private Baseline(World world, Rng rng, Writer out) {
    this.world = world;
    this.rng = rng;
    this.out = out;
  }

  /** Adds the baseline edges to the world's graph and writes them; returns how many. */
  static long write(World world, Rng rng, Instant start, Writer out) throws IOException {
    out.write("# baseline follow graph: follower followee\n");
    out.write("# edges that existed before " + start + "\n");
    Baseline baseline = new Baseline(world, rng, out);
    Population population = world.population();
    for (int account = 0; account < population.size(); account++) {
      if (population.role(account) == Role.REGULAR) {
        baseline.followSome(account);
      }
    }
    return baseline.edges;
  }

  private void followSome(int account) throws IOException {
    Population population = world.population();
    int count = (int) rng.exponential(MEAN_FOLLOWING);
    for (int i = 0; i < count; i++) {
      for (int t = 0; t < TRIES; t++) {
        int followee = population.popular(rng);
        if (world.canFollow(account, followee)) {
          edge(account, followee);
          if (population.role(followee) == Role.REGULAR
              && rng.chance(Propensity.followBack(world.graph().followers(followee)))
              && world.canFollow(followee, account)) {
            edge(followee, account);
            if (rng.chance(MUTUAL_FRIENDS)) {
              world.friends().befriend(account, followee);
            }
          }
          break;
        }
      }
    }
  }

  private void edge(int follower, int followee) throws IOException {
    world.graph().add(follower, followee);
    Population population = world.population();
    out.write(population.name(follower) + ' ' + population.name(followee) + '\n');
    edges++;
  }
}
