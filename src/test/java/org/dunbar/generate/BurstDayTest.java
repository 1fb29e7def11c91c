package org.dunbar.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the planted burst falls: its followers need 90 days of input after them for
 * acquisition_cohorts to compare their retention with other followers', and 28 ordinary days before
 * them for the burst rule's window.
 */
class BurstDayTest {
  @Test
  void elevenTwentiethsInWhenThatLeavesNinetyDaysAfter() {
    // 204 × 11 / 20 = 112 = 204 − 92; longer dumps only leave more.
    assertEquals(112, BurstPlan.dayFor(204));
    assertEquals(550, BurstPlan.dayFor(1000));
  }

  @Test
  void earlierWhenElevenTwentiethsLeavesTooLittle() {
    // 120 days: 11/20 is day 66, 53 days before the end; day 120 − 92 = 28 leaves 90 after its
    // follows and 28 before. The README's sample (180 days): day 99 → 88.
    assertEquals(28, BurstPlan.dayFor(120));
    assertEquals(88, BurstPlan.dayFor(180));
    assertEquals(111, BurstPlan.dayFor(203));
  }

  @Test
  void shortDumpsKeepElevenTwentieths() {
    // Under 120 days no day has both 28 days before and 90 after (119 − 92 = 27).
    assertEquals(65, BurstPlan.dayFor(119));
    assertEquals(49, BurstPlan.dayFor(90));
    assertEquals(7, BurstPlan.dayFor(14));
  }

  @Test
  void burstFollowersOfAHundredTwentyDayDumpHaveNinetyDaysAfterThem(@TempDir Path out)
      throws IOException {
    GeneratorSummary summary = SampleGenerator.generate(new GeneratorSettings(100, 120, 3), out);
    List<Ev> events = DumpReader.events(out).events();
    Map<Long, Long> followsByDay = new TreeMap<>();
    Map<Long, Long> lastFollowOfDay = new TreeMap<>();
    for (Ev e : events) {
      if (e.type().equals("follow") && e.target().equals(summary.burstAccount())) {
        followsByDay.merge(e.day(), 1L, Long::sum);
        lastFollowOfDay.merge(e.day(), e.micros(), Math::max);
      }
    }
    long burstDay =
        followsByDay.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    long firstDay = events.stream().mapToLong(Ev::day).min().orElseThrow();
    long lastEvent = events.stream().mapToLong(Ev::micros).max().orElseThrow();
    assertEquals(28, burstDay - firstDay, "the busiest day is the planted one: " + followsByDay);
    assertTrue(
        followsByDay.get(burstDay) >= 20,
        "a burst by the SPEC's burst_min: " + followsByDay.get(burstDay));
    assertTrue(
        lastFollowOfDay.get(burstDay) + 90 * Ev.DAY_MICROS <= lastEvent,
        "every burst follow is eligible for 90 days");
  }
}
