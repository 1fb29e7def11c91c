package org.dunbar.generate;

import org.dunbar.model.InteractionType;

/**
 * One event as simulated, before it is written as a line.
 *
 * @param at epoch milliseconds
 * @param target {@link #NONE} for a post
 * @param postId the post created, or {@link #NONE}
 * @param parentId the post acted on, or {@link #NONE}
 */
record GeneratedEvent(
    long at, InteractionType type, int actor, int target, long postId, long parentId) {
  static final int NONE = -1;

  GeneratedEvent shiftedBy(long millis) {
    return new GeneratedEvent(at + millis, type, actor, target, postId, parentId);
  }
}
