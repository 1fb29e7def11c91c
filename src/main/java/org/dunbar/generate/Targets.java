package org.dunbar.generate;

import org.dunbar.model.InteractionType;

/** Chooses whom a spontaneous action is aimed at, against the state of the moment it happens. */
final class Targets {
  /** Tries before giving up on an action, so a saturated account does not loop forever. */
  private static final int TRIES = 4;

  /**
   * Where an interaction of one type goes: a friend, someone followed, or anyone else (by
   * popularity, or uniformly for mentions, which is how people reach out to strangers).
   */
  private record Mix(double friend, double followee, boolean anyoneByPopularity) {}

  private static final Mix ENDORSE = new Mix(0.10, 0.60, true);
  private static final Mix QUOTE = new Mix(0.05, 0.50, true);
  private static final Mix REPLY = new Mix(0.35, 0.40, true);
  private static final Mix MENTION = new Mix(0.30, 0.20, false);
  private static final Mix MESSAGE = new Mix(0.75, 0.25, true);

  private final World world;
  private final Rng rng;

  Targets(World world, Rng rng) {
    this.world = world;
    this.rng = rng;
  }

  /**
   * @return the account to follow, or {@link Action#ANYONE} when none was found
   */
  int toFollow(int actor) {
    Population population = world.population();
    boolean bot = population.role(actor) == Role.CHURN_BOT;
    for (int i = 0; i < TRIES; i++) {
      // Bots follow indiscriminately, which in a heavy-tailed world means mostly small accounts.
      int candidate = bot ? rng.below(population.size()) : population.popular(rng);
      if (world.canFollow(actor, candidate) && !world.burst().silenced(actor, candidate)) {
        return candidate;
      }
    }
    return Action.ANYONE;
  }

  /** A followee to drop; never a friend, as people keep those they talk with. */
  int toUnfollow(int actor) {
    FollowGraph graph = world.graph();
    int count = graph.followingCount(actor);
    for (int i = 0; i < TRIES && count > 0; i++) {
      int candidate = graph.followee(actor, rng.below(count));
      if (!world.friends().are(actor, candidate)) {
        return candidate;
      }
    }
    return Action.ANYONE;
  }

  int toInteract(int actor, InteractionType type) {
    Mix mix = mix(type);
    for (int i = 0; i < TRIES; i++) {
      int candidate = candidate(actor, mix);
      if (candidate >= 0
          && candidate != actor
          && (!type.actsOnPost() || world.posts().has(candidate))
          && !world.burst().silenced(actor, candidate)) {
        return candidate;
      }
    }
    return Action.ANYONE;
  }

  private int candidate(int actor, Mix mix) {
    double u = rng.uniform();
    if (u < mix.friend()) {
      return world.friends().any(actor, rng);
    }
    FollowGraph graph = world.graph();
    int following = graph.followingCount(actor);
    if (u < mix.friend() + mix.followee() && following > 0) {
      return graph.followee(actor, rng.below(following));
    }
    Population population = world.population();
    return mix.anyoneByPopularity() ? population.popular(rng) : rng.below(population.size());
  }

  private static Mix mix(InteractionType type) {
    return switch (type) {
      case LIKE, RESHARE -> ENDORSE;
      case QUOTE -> QUOTE;
      case REPLY -> REPLY;
      case MENTION -> MENTION;
      case MESSAGE -> MESSAGE;
      default -> throw new IllegalArgumentException("not an interaction: " + type);
    };
  }
}
