package org.dunbar.generate;

import org.dunbar.model.InteractionType;

/**
 * Something an account will do at a given moment. A target of -1 is chosen when the action happens,
 * against the state of that moment.
 *
 * @param at epoch milliseconds
 * @param seq tie-breaker in scheduling order, so equal times replay the same way every run
 * @param parent the post to act on, or {@link GeneratedEvent#NONE} to pick one then
 * @param depth how many answers deep in a thread this is
 */
record Action(
    long at,
    long seq,
    InteractionType type,
    int actor,
    int target,
    long parent,
    int depth,
    Cause cause)
    implements Comparable<Action> {

  static final int ANYONE = -1;

  @Override
  public int compareTo(Action other) {
    int byTime = Long.compare(at, other.at);
    return byTime != 0 ? byTime : Long.compare(seq, other.seq);
  }
}
