package org.dunbar.generate;

/**
 * Pairs who have had a conversation and keep talking: they pick each other for messages and
 * replies, answer each other readily and do not unfollow each other.
 */
final class Friends {
  /** People keep only so many close ties; this also stops a few hubs from absorbing all talk. */
  private static final int MAX_PER_ACCOUNT = 40;

  private final IntList[] lists;

  Friends(int accounts) {
    lists = new IntList[accounts];
    for (int i = 0; i < accounts; i++) {
      lists[i] = new IntList();
    }
  }

  boolean are(int a, int b) {
    return lists[a].contains(b);
  }

  /**
   * @return false when they already are friends or one has no room left
   */
  boolean befriend(int a, int b) {
    if (are(a, b) || lists[a].size() >= MAX_PER_ACCOUNT || lists[b].size() >= MAX_PER_ACCOUNT) {
      return false;
    }
    lists[a].add(b);
    lists[b].add(a);
    return true;
  }

  /**
   * @return a random friend, or -1 when there is none
   */
  int any(int account, Rng rng) {
    IntList list = lists[account];
    return list.size() == 0 ? -1 : list.get(rng.below(list.size()));
  }
}
