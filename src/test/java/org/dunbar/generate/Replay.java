package org.dunbar.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The SPEC's follow replay over a dump read back, enough for the behaviour tests. */
final class Replay {
  /**
   * An effective follow (event null for a baseline edge). reverseSince: when the reverse edge was
   * created, Long.MIN_VALUE for a baseline one, null when there was none (not a follow-back);
   * removedAt: Long.MAX_VALUE while the edge lives.
   */
  static final class Follow {
    final Ev event;
    final Long reverseSince;
    long removedAt = Long.MAX_VALUE;

    Follow(Ev event, Long reverseSince) {
      this.event = event;
      this.reverseSince = reverseSince;
    }

    boolean followBack() {
      return reverseSince != null;
    }

    long createdAt() {
      return event == null ? Long.MIN_VALUE : event.micros();
    }
  }

  private record Change(long micros, int delta) {}

  private final List<Follow> follows = new ArrayList<>();
  private final Map<String, Integer> baselineFollowers = new HashMap<>();
  private final Map<String, List<Change>> changes = new HashMap<>();
  private final Set<String> followees = new HashSet<>();

  Replay(List<Ev> events, List<String[]> baseline) {
    Map<String, Follow> edges = new HashMap<>();
    for (String[] edge : baseline) {
      if (edges.put(edge[0] + ' ' + edge[1], new Follow(null, null)) == null) {
        baselineFollowers.merge(edge[1], 1, Integer::sum);
      }
      followees.add(edge[1]);
    }
    List<Ev> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparingLong(Ev::micros).thenComparingInt(Replay::typeOrder));
    for (Ev e : sorted) {
      boolean follow = e.type().equals("follow");
      if (!follow && !e.type().equals("unfollow")) {
        continue;
      }
      followees.add(e.target());
      String key = e.actor() + ' ' + e.target();
      if (follow && !edges.containsKey(key)) {
        Follow reverse = edges.get(e.target() + ' ' + e.actor());
        Follow f = new Follow(e, reverse == null ? null : reverse.createdAt());
        follows.add(f);
        edges.put(key, f);
        change(e, 1);
      } else if (!follow && edges.containsKey(key)) {
        edges.remove(key).removedAt = e.micros();
        change(e, -1);
      }
    }
  }

  private static int typeOrder(Ev e) {
    return switch (e.type()) {
      case "unfollow" -> 0;
      case "follow" -> 1;
      default -> 2;
    };
  }

  private void change(Ev e, int delta) {
    changes.computeIfAbsent(e.target(), k -> new ArrayList<>()).add(new Change(e.micros(), delta));
  }

  List<Follow> effectiveFollows() {
    return follows;
  }

  /** Followee of some follow, unfollow or baseline edge: its count comes from the replay. */
  boolean isReplayAccount(String account) {
    return followees.contains(account);
  }

  long followersBefore(String account, long micros) {
    long count = baselineFollowers.getOrDefault(account, 0);
    for (Change c : changes.getOrDefault(account, List.of())) {
      if (c.micros() < micros) {
        count += c.delta();
      }
    }
    return count;
  }

  long followersAtEnd(String account) {
    return followersBefore(account, Long.MAX_VALUE);
  }
}
