package org.dunbar.generate;

/**
 * How willing an account is to reciprocate, by audience size. All fall with the audience: past a
 * few hundred followers people cannot answer everyone ("social doesn't scale").
 */
final class Propensity {
  private Propensity() {}

  /** Chance of answering a reply, mention, quote or message from someone. */
  static double replyBack(int followers) {
    return 0.6 / (1 + followers / 60.0);
  }

  /** Chance of following back someone who just followed. */
  static double followBack(int followers) {
    return 0.25 / (1 + followers / 40.0);
  }

  /** Chance of following, without answering, someone who reached out. */
  static double followOutreach(int followers) {
    return 0.12 / (1 + followers / 100.0);
  }
}
