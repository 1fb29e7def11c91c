package org.dunbar.generate;

import java.util.PriorityQueue;
import org.dunbar.model.InteractionType;

/**
 * Actions waiting to happen, in time order. Only the current day and pending reactions are held, so
 * memory does not grow with the length of the dump.
 */
final class Timeline {
  private final PriorityQueue<Action> queue = new PriorityQueue<>();
  private long seq;

  void schedule(long at, InteractionType type, int actor, int target, Cause cause) {
    schedule(at, type, actor, target, GeneratedEvent.NONE, 0, cause);
  }

  void schedule(
      long at, InteractionType type, int actor, int target, long parent, int depth, Cause cause) {
    queue.add(new Action(at, seq++, type, actor, target, parent, depth, cause));
  }

  /**
   * @return the next action before {@code end}, or null when there is none
   */
  Action nextBefore(long end) {
    Action head = queue.peek();
    return head != null && head.at() < end ? queue.poll() : null;
  }
}
