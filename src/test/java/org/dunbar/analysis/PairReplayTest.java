package org.dunbar.analysis;

import static org.dunbar.analysis.ReplayRecorder.DAY;
import static org.dunbar.analysis.ReplayRecorder.SECOND;
import static org.dunbar.analysis.ReplayRecorder.T0;
import static org.dunbar.analysis.ReplayRecorder.event;
import static org.dunbar.analysis.ReplayRecorder.replay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dunbar.records.FollowFact;
import org.junit.jupiter.api.Test;

/** The SPEC's follow replay and attribution rules 1–4, at their boundaries, on one pair. */
class PairReplayTest {
  private static final long TAU = T0 + 60 * DAY;

  @Test
  void followBackWhenTheReverseEdgeExists() {
    ReplayRecorder r =
        replay(
            List.of(
                event("e1", "follow", "a", "b", T0 + DAY),
                event("e2", "follow", "b", "a", T0 + 2 * DAY)),
            false,
            false);
    assertNull(r.follow("a").getReason());
    assertEquals("follow_back", r.follow("b").getReason());
  }

  @Test
  void followBackAtOneInstantIsDecidedByEventIdOrder() {
    ReplayRecorder first =
        replay(
            List.of(event("e1", "follow", "a", "b", TAU), event("e2", "follow", "b", "a", TAU)),
            false,
            false);
    assertNull(first.follow("a").getReason());
    assertEquals("follow_back", first.follow("b").getReason());

    ReplayRecorder swapped =
        replay(
            List.of(event("e2", "follow", "a", "b", TAU), event("e1", "follow", "b", "a", TAU)),
            false,
            false);
    assertEquals("follow_back", swapped.follow("a").getReason());
    assertNull(swapped.follow("b").getReason());
  }

  @Test
  void baselineEdgeMakesAFollowBack() {
    ReplayRecorder r = replay(List.of(event("e1", "follow", "a", "b", TAU)), false, true);
    assertEquals("follow_back", r.follow("a").getReason());
  }

  @Test
  void conversationCountsAnInteractionExactlyLookbackDaysBefore() {
    ReplayRecorder r =
        replay(
            List.of(
                event("r1", "reply", "a", "b", TAU - 30 * DAY),
                event("r2", "message", "b", "a", TAU - SECOND),
                event("f", "follow", "a", "b", TAU)),
            false,
            false);
    assertEquals("conversation", r.follow("a").getReason());
  }

  @Test
  void anInteractionOneSecondBeforeTheWindowDoesNotCount() {
    ReplayRecorder r =
        replay(
            List.of(
                event("r1", "reply", "a", "b", TAU - 30 * DAY - SECOND),
                event("r2", "mention", "b", "a", TAU - SECOND),
                event("f", "follow", "a", "b", TAU)),
            false,
            false);
    assertEquals(
        "outreach", r.follow("a").getReason(), "only b -> a is within the window: b reached out");
  }

  @Test
  void anInteractionAtTheFollowInstantDoesNotCount() {
    ReplayRecorder r =
        replay(
            List.of(
                event("r1", "quote", "a", "b", TAU - DAY),
                event("r2", "reply", "b", "a", TAU),
                event("f", "follow", "a", "b", TAU)),
            false,
            false);
    assertEquals(
        "engaged", r.follow("a").getReason(), "b's reply at the follow instant is not before it");
  }

  @Test
  void conversationNeedsDirectedInteractionsBothWays() {
    ReplayRecorder r =
        replay(
            List.of(
                event("l1", "like", "a", "b", TAU - DAY),
                event("r2", "reply", "b", "a", TAU - DAY),
                event("f", "follow", "a", "b", TAU)),
            false,
            false);
    assertEquals(
        "outreach", r.follow("a").getReason(), "a's like is not directed; b replied first");
  }

  @Test
  void engagedFanReshared() {
    ReplayRecorder r =
        replay(
            List.of(
                event("s1", "reshare", "a", "b", TAU - 3 * DAY),
                event("f", "follow", "a", "b", TAU)),
            false,
            false);
    assertEquals("engaged", r.follow("a").getReason());
  }

  @Test
  void noInteractionLeavesTheReasonToTheBurstRule() {
    ReplayRecorder r = replay(List.of(event("f", "follow", "a", "b", TAU)), false, false);
    assertNull(r.follow("a").getReason());
  }

  @Test
  void removedAfterExactlyChurnDaysIsNotChurned() {
    ReplayRecorder r =
        replay(
            List.of(
                event("f", "follow", "a", "b", TAU),
                event("u", "unfollow", "a", "b", TAU + 7 * DAY)),
            false,
            false);
    assertFalse(r.follow("a").getChurned());
    assertEquals(0, r.growth("b", GrowthMeasure.LOST_CHURN));
    assertEquals(1, r.growth("b", GrowthMeasure.LOST_OTHER));
  }

  @Test
  void removedOneSecondEarlierIsChurned() {
    ReplayRecorder r =
        replay(
            List.of(
                event("f", "follow", "a", "b", TAU),
                event("u", "unfollow", "a", "b", TAU + 7 * DAY - SECOND)),
            false,
            false);
    assertTrue(r.follow("a").getChurned());
    assertEquals(1, r.growth("b", GrowthMeasure.LOST_CHURN));
    assertEquals(0, r.growth("b", GrowthMeasure.LOST_OTHER));
  }

  @Test
  void redundantFollowsAndOrphanUnfollowsChangeNothing() {
    ReplayRecorder r =
        replay(
            List.of(
                event("f1", "follow", "a", "b", TAU),
                event("f2", "follow", "a", "b", TAU + DAY),
                event("u1", "unfollow", "b", "a", TAU + 2 * DAY)),
            false,
            false);
    assertEquals(1, r.follows.size());
    assertEquals(
        2,
        r.growth("b", GrowthMeasure.FOLLOW_EVENTS),
        "both follows target b, the redundant one too");
    assertEquals(1, r.growth("a", GrowthMeasure.FOLLOW_EVENTS), "the orphan unfollow targets a");
    assertEquals(
        0, r.growth("a", GrowthMeasure.LOST_OTHER) + r.growth("a", GrowthMeasure.LOST_CHURN));
    assertTrue(r.edges.contains("follow a->b x1 present=true"), r.edges.toString());
  }

  @Test
  void losingABaselineEdgeIsLostOtherAndRefollowingIsAnEffectiveFollow() {
    ReplayRecorder r =
        replay(
            List.of(
                event("u", "unfollow", "a", "b", TAU),
                event("f", "follow", "a", "b", TAU + SECOND)),
            true,
            false);
    assertEquals(1, r.growth("b", GrowthMeasure.LOST_OTHER));
    assertEquals(1, r.follows.size());
    assertNull(r.follow("a").getReason());
  }

  @Test
  void unfollowBeforeFollowAtOneInstant() {
    // The unfollow sorts first, finds no edge (orphan), then the follow creates it.
    ReplayRecorder r =
        replay(
            List.of(event("z", "follow", "a", "b", TAU), event("a", "unfollow", "a", "b", TAU)),
            false,
            false);
    assertEquals(1, r.follows.size());
    assertFalse(r.follow("a").getChurned());
    assertTrue(r.edges.contains("follow a->b x1 present=true"), r.edges.toString());
  }

  @Test
  void retentionAndEngagementWindowsAfterTheFollow() {
    ReplayRecorder r =
        replay(
            List.of(
                event("f", "follow", "a", "b", TAU),
                event("r1", "reply", "a", "b", TAU + 89 * DAY),
                event("r2", "reply", "b", "a", TAU + 90 * DAY),
                event("u", "unfollow", "a", "b", TAU + 40 * DAY)),
            false,
            false);
    FollowFact f = r.follow("a");
    assertTrue(f.getRetained30d());
    assertFalse(f.getRetained90d());
    // With the input's last event at ts + 90 d, the follow is eligible for both windows.
    long[] counted = CohortMeasure.of(f, TAU + 90 * DAY);
    assertEquals(1, counted[CohortMeasure.ELIGIBLE_30D.ordinal()]);
    assertEquals(
        1,
        counted[CohortMeasure.ELIGIBLE_90D.ordinal()],
        "ts + 90 d equals the last event: eligible");
    assertEquals(
        0,
        CohortMeasure.of(f, TAU + 90 * DAY - 1)[CohortMeasure.ELIGIBLE_90D.ordinal()],
        "one microsecond short");
    assertTrue(f.getEngaged90d());
    assertFalse(f.getConversed90d(), "b's reply at exactly ts + 90 d is outside [ts, ts + 90 d)");
  }

  @Test
  void replyBackCountsAnAnswerAtExactlyTheWindowButNotLaterOrAtTheSameInstant() {
    ReplayRecorder r =
        replay(
            List.of(
                event("q1", "reply", "b", "a", TAU),
                event("q2", "reply", "b", "a", TAU + DAY),
                event("q3", "reply", "b", "a", TAU + 30 * DAY),
                event("x1", "reply", "a", "b", TAU + 7 * DAY + DAY + SECOND),
                event("x2", "reply", "a", "b", TAU + 30 * DAY)),
            false,
            false);
    // q1: the next answer is at 8d+1s: too late. q2: answered at exactly 7d after it... no, 7d+1s:
    // too late. q3: the answer is at the same instant: not later.
    assertEquals(3, r.activity("a", ActivityMeasure.DIRECTED_RECEIVED_FROM_OTHERS));
    assertEquals(0, r.activity("a", ActivityMeasure.DIRECTED_ANSWERED));

    ReplayRecorder exact =
        replay(
            List.of(
                event("q1", "reply", "b", "a", TAU),
                event("x1", "mention", "a", "b", TAU + 7 * DAY)),
            false,
            false);
    assertEquals(1, exact.activity("a", ActivityMeasure.DIRECTED_ANSWERED));
  }

  @Test
  void anEngagerWhoFollowsOnlyAfterEngagingIsNotAnEngagedFollower() {
    ReplayRecorder before =
        replay(
            List.of(
                event("l", "like", "a", "b", TAU + SECOND),
                event("f", "follow", "a", "b", TAU + 2 * SECOND),
                event("l2", "like", "a", "b", TAU + 3 * SECOND)),
            false,
            false);
    assertEquals(1, before.activity("b", ActivityMeasure.ENGAGERS));
    assertEquals(0, before.activity("b", ActivityMeasure.ENGAGED_FOLLOWERS));

    ReplayRecorder after =
        replay(
            List.of(event("f", "follow", "a", "b", TAU), event("l", "like", "a", "b", TAU)),
            false,
            false);
    assertEquals(
        1,
        after.activity("b", ActivityMeasure.ENGAGED_FOLLOWERS),
        "a follow sorts before an interaction at one instant");
  }

  @Test
  void partnersPerPeriodAndReciprocalPartnersOverall() {
    ReplayRecorder r =
        replay(
            List.of(
                event("1", "message", "a", "b", TAU),
                event("2", "message", "b", "a", TAU + DAY),
                event("3", "message", "a", "b", TAU + 14 * DAY)),
            false,
            false);
    assertEquals(
        1,
        r.activity("a", ActivityMeasure.CONVERSATION_PARTNERS),
        "only the first week has both directions");
    assertEquals(1, r.activity("b", ActivityMeasure.CONVERSATION_PARTNERS));
    assertEquals(2L, r.partners.get("a"));
    assertEquals(1L, r.partners.get("b"));
  }
}
