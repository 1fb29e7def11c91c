package org.dunbar.generate;

import static org.dunbar.generate.DayClock.DAY;
import static org.dunbar.generate.DayClock.HOUR;

import org.dunbar.model.InteractionType;

/**
 * What an event makes others do later: answers, follow-backs, follows after a conversation, after
 * being reached out to or after liking someone's posts, and bots undoing their follows. These are
 * the causes the analyses look for, so each is planted as behaviour, never as a label.
 */
final class Reactions {
  private static final long MINUTE = 60_000L;

  /** Each further answer in a thread is less likely, so threads end. */
  private static final double THREAD_DECAY = 0.5;

  private static final int MAX_THREAD_DEPTH = 8;

  /** Friends answer each other far more readily than strangers, whatever their size. */
  private static final double FRIEND_BONUS = 0.25;

  private static final double BEFRIEND_AFTER_EXCHANGE = 0.25;
  private static final double FAN_AFTER_LIKE = 0.012;
  private static final double FAN_AFTER_RESHARE = 0.03;

  private final World world;
  private final Rng rng;
  private final Timeline timeline;
  private final long salt;

  Reactions(World world, Rng rng, Timeline timeline) {
    this.world = world;
    this.rng = rng;
    this.timeline = timeline;
    salt = rng.nextLong();
  }

  void afterInteraction(Action action, GeneratedEvent event) {
    if (event.type().isDirected()) {
      if (action.cause() == Cause.RESPONSE) {
        maybeBefriend(event.target(), event.actor(), event.at());
      }
      answerOrFollow(action, event);
    } else if (rng.chance(event.type() == InteractionType.LIKE ? FAN_AFTER_LIKE : FAN_AFTER_RESHARE)
        && world.canFollow(event.actor(), event.target())) {
      long at = event.at() + rng.logNormal(DAY, 1.0, 30 * MINUTE, 10 * DAY);
      timeline.schedule(at, InteractionType.FOLLOW, event.actor(), event.target(), Cause.FAN);
    }
  }

  void afterFollow(Action action, GeneratedEvent follow) {
    int follower = follow.actor();
    int followee = follow.target();
    if (world.role(follower) == Role.CHURN_BOT) {
      long at = follow.at() + rng.logNormal(DAY, 1.0, HOUR, 6 * DAY + 12 * HOUR);
      timeline.schedule(at, InteractionType.UNFOLLOW, follower, followee, Cause.UNDO);
    }
    if (action.cause() == Cause.BURST) {
      world.burst().afterFollow(follow, rng, timeline);
    } else if (world.role(followee) == Role.REGULAR
        && pairDraw(followee, follower)
            < Propensity.followBack(world.graph().followers(followee))) {
      long at = follow.at() + rng.logNormal(90 * MINUTE, 1.0, MINUTE, 2 * DAY);
      timeline.schedule(at, InteractionType.FOLLOW, followee, follower, Cause.FOLLOW_BACK);
    }
  }

  /**
   * The receiver of a directed interaction answers in kind, or, if it does not answer, may follow
   * the sender: reached out to, it follows back without a conversation.
   */
  private void answerOrFollow(Action action, GeneratedEvent event) {
    int sender = event.actor();
    int receiver = event.target();
    if (world.role(receiver) == Role.CHURN_BOT || action.depth() >= MAX_THREAD_DEPTH) {
      return;
    }
    double answer = Propensity.replyBack(world.graph().followers(receiver));
    if (world.friends().are(sender, receiver)) {
      answer += FRIEND_BONUS;
    }
    if (rng.chance(answer * StrictMath.pow(THREAD_DECAY, action.depth()))) {
      boolean message = event.type() == InteractionType.MESSAGE;
      long at = event.at() + rng.logNormal(150 * MINUTE, 1.2, 2 * MINUTE, 3 * DAY);
      timeline.schedule(
          at,
          message ? InteractionType.MESSAGE : InteractionType.REPLY,
          receiver,
          sender,
          message ? GeneratedEvent.NONE : event.postId(),
          action.depth() + 1,
          Cause.RESPONSE);
    } else if (action.depth() == 0
        && rng.chance(Propensity.followOutreach(world.graph().followers(receiver)))
        && world.canFollow(receiver, sender)) {
      long at = event.at() + rng.logNormal(10 * HOUR, 1.0, 10 * MINUTE, 5 * DAY);
      timeline.schedule(at, InteractionType.FOLLOW, receiver, sender, Cause.OUTREACH);
    }
  }

  /**
   * A fixed draw per ordered pair: whether someone follows back a given account is their judgement
   * of it, not a fresh coin each time. A churn bot re-following the same people therefore does not
   * collect ever more follow-backs.
   */
  private double pairDraw(int a, int b) {
    long z = salt + a * 0x9E3779B97F4A7C15L + b * 0xC2B2AE3D27D4EB4FL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return (z >>> 11) * 0x1.0p-53;
  }

  /** Two accounts that have now talked both ways may become friends, and one follows the other. */
  private void maybeBefriend(int initiator, int responder, long now) {
    if (world.role(initiator) == Role.CHURN_BOT
        || !rng.chance(BEFRIEND_AFTER_EXCHANGE)
        || !world.friends().befriend(initiator, responder)) {
      return;
    }
    int follower = world.canFollow(initiator, responder) ? initiator : responder;
    int followee = follower == initiator ? responder : initiator;
    if (world.canFollow(follower, followee)) {
      long at = now + rng.logNormal(12 * HOUR, 1.0, 30 * MINUTE, 6 * DAY);
      timeline.schedule(at, InteractionType.FOLLOW, follower, followee, Cause.CONVERSATION);
    }
  }
}
