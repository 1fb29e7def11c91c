package org.dunbar.generate;

/** Who follows whom right now, kept as each account's list of followees. */
final class FollowGraph {
  private final IntList[] following;
  private final int[] followers;

  FollowGraph(int accounts) {
    following = new IntList[accounts];
    followers = new int[accounts];
    for (int i = 0; i < accounts; i++) {
      following[i] = new IntList();
    }
  }

  boolean follows(int follower, int followee) {
    return following[follower].contains(followee);
  }

  void add(int follower, int followee) {
    following[follower].add(followee);
    followers[followee]++;
  }

  void remove(int follower, int followee) {
    following[follower].remove(followee);
    followers[followee]--;
  }

  int followers(int account) {
    return followers[account];
  }

  int followingCount(int account) {
    return following[account].size();
  }

  int followee(int account, int index) {
    return following[account].get(index);
  }
}
