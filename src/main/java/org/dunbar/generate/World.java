package org.dunbar.generate;

/** The simulated state that actions read and change. */
record World(
    Population population, FollowGraph graph, Friends friends, PostLog posts, BurstPlan burst) {

  static World create(Population population, int days) {
    int size = population.size();
    return new World(
        population,
        new FollowGraph(size),
        new Friends(size),
        new PostLog(size),
        new BurstPlan(population.burstAccount(), BurstPlan.dayFor(days), size));
  }

  /**
   * Snapshot-only accounts stay out of the follow graph so that their counts come from snapshots.
   */
  boolean canFollow(int follower, int followee) {
    return follower != followee
        && population.role(follower) != Role.SNAPSHOT_ONLY
        && population.role(followee) != Role.SNAPSHOT_ONLY
        && !graph.follows(follower, followee);
  }

  Role role(int account) {
    return population.role(account);
  }
}
