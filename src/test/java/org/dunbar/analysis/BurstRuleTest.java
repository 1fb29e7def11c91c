package org.dunbar.analysis;

import static org.dunbar.analysis.DailyCounts.DAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * SPEC rule 5 on daily counts: n ≥ max(burst_min, burst_factor × m), m the median of the 28 days
 * d−28 … d−1 with missing days as 0 (the mean of the 14th and 15th smallest). Defaults 20 and 5.
 */
class BurstRuleTest {
  private static final BurstRule DEFAULTS = new BurstRule(20, 5.0);

  private static boolean burst(DailyCounts counts) {
    return DEFAULTS.isBurst(DAY, counts.map());
  }

  @Test
  void quietAccountNeedsBurstMin() {
    // 14 days of 1 and 14 without follows: m = (0 + 1) / 2 = 0.5, 5 × 0.5 = 2.5 < 20, so n ≥ 20.
    assertFalse(burst(new DailyCounts().on(-28, -15, 1).on(0, 19)));
    assertTrue(burst(new DailyCounts().on(-28, -15, 1).on(0, 20)));
  }

  @Test
  void medianOfFiveWithFactorFiveNeedsTwentyFive() {
    // Sorted window: 14 fours then 14 sixes, so m = (4 + 6) / 2 = 5 and n ≥ 25. An upper median (6)
    // would need 30, a lower one (4) would already flag 24.
    DailyCounts history = new DailyCounts().on(-28, -15, 4).on(-14, -1, 6);
    assertFalse(burst(history.on(0, 24)));
    assertTrue(burst(history.on(0, 25)));
  }

  @Test
  void aFractionalThresholdIsNotRounded() {
    // 14 fours and 14 fives: m = 4.5, 5 × 4.5 = 22.5, so 22 is not a burst and 23 is. Integer
    // arithmetic on the median (4) would flag 22.
    DailyCounts history = new DailyCounts().on(-28, -15, 4).on(-14, -1, 5);
    assertFalse(burst(history.on(0, 22)));
    assertTrue(burst(history.on(0, 23)));
  }

  @Test
  void theWindowEndsTheDayBefore() {
    // Tens on d−14 … d−1: 14 tens, 14 zeros, m = 5, so 24 is no burst. A window that missed d−1
    // would hold 13 tens (m = 0) and flag 24.
    assertFalse(burst(new DailyCounts().on(-14, -1, 10).on(0, 24)));
  }

  @Test
  void theWindowStartsTwentyEightDaysBefore() {
    // Tens on d−29 … d−15. The window d−28 … d−1 holds 14 of them: m = 5, 25 is a burst. A window
    // shifted to d−29 … d−2 would hold 15 tens (m = 10) and need 50.
    assertTrue(burst(new DailyCounts().on(-29, -15, 10).on(0, 25)));
  }

  @Test
  void theDayItselfAndLaterDaysAreNotInTheWindow() {
    // Tens on d−13 … d−1: 13 tens, 15 zeros, m = 0, so 20 is a burst. Counting d itself (20) would
    // give 14 non-zero days, m = (0 + 10) / 2 = 5, and need 25; the huge later days must not
    // matter.
    assertTrue(burst(new DailyCounts().on(-13, -1, 10).on(0, 20).on(1, 5, 1000)));
  }

  @Test
  void daysBeforeTheInputCountAsZero() {
    // A first day: the window is 28 zeros, so 20 is a burst.
    assertTrue(burst(new DailyCounts().on(0, 20)));
    assertFalse(burst(new DailyCounts().on(0, 19)));
    // Ten days of input at 10 a day: the window still has 18 zeros, m = 0, so 20 is a burst. A
    // median over the known days only (10) would need 50.
    assertTrue(burst(new DailyCounts().on(-10, -1, 10).on(0, 20)));
  }

  @Test
  void anOrdinaryDayOfALargeSteadyAccountIsNotFlagged() {
    // 40 a day for 28 days, then 45: m = 40, 5 × 40 = 200.
    DailyCounts steady = new DailyCounts().on(-28, -1, 40).on(0, 45);
    assertFalse(burst(steady));
    // The start of its input is another matter: on the k-th day (k = 0 … 27) the window holds k
    // forties and 28 − k zeros. Up to k = 13 the 14th and 15th smallest are both 0 (m = 0, 40 ≥
    // 20); at k = 14 m = (0 + 40) / 2 = 20 (needs 100); from k = 15 on m = 40 (needs 200).
    for (int k = 0; k < 28; k++) {
      assertEquals(
          k <= 13,
          DEFAULTS.isBurst(DAY - 28 + k, steady.map()),
          "day " + k + " of the steady account");
    }
  }

  @Test
  void usesTheStudysParameters() {
    // m = 5 (14 fours, 14 sixes). burst_min 10, factor 2: max(10, 10) = 10. Factor 3: 15.
    DailyCounts history = new DailyCounts().on(-28, -15, 4).on(-14, -1, 6);
    assertTrue(new BurstRule(10, 2.0).isBurst(DAY, history.on(0, 10).map()));
    assertFalse(new BurstRule(10, 2.0).isBurst(DAY, history.on(0, 9).map()));
    assertFalse(new BurstRule(10, 3.0).isBurst(DAY, history.on(0, 14).map()));
    assertTrue(new BurstRule(10, 3.0).isBurst(DAY, history.on(0, 15).map()));
    // A high burst_min wins over a low median: m = 0, burst_min 30.
    assertFalse(new BurstRule(30, 5.0).isBurst(DAY, new DailyCounts().on(0, 29).map()));
    assertTrue(new BurstRule(30, 5.0).isBurst(DAY, new DailyCounts().on(0, 30).map()));
  }
}
