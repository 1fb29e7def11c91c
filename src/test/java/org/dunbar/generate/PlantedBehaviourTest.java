package org.dunbar.generate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planted burst, measured from the events a run accepts. The behaviours that need the follow
 * replay (heavy-tailed audiences, conversation and burst followers, answers by audience size,
 * snapshots against the replay) are judged on the product's own tables in {@code GrowthStudyTest}.
 */
class PlantedBehaviourTest {
  private static final int DAYS = 90;

  @TempDir static Path out;
  private static GeneratorSummary summary;
  private static List<Ev> events;

  @BeforeAll
  static void generate() throws IOException {
    summary = SampleGenerator.generate(new GeneratorSettings(600, DAYS, 2024), out);
    events = DumpReader.events(out).events();
  }

  @Test
  void burstDayFarExceedsTheAccountsUsualDay() {
    String burst = summary.burstAccount();
    Map<Long, List<String>> followersByDay = new TreeMap<>();
    for (Ev e : events) {
      if (e.type().equals("follow") && e.target().equals(burst)) {
        followersByDay.computeIfAbsent(e.day(), d -> new ArrayList<>()).add(e.actor());
      }
    }
    long firstDay = events.stream().mapToLong(Ev::day).min().orElseThrow();
    List<Integer> daily = new ArrayList<>();
    for (long day = firstDay; day < firstDay + DAYS; day++) {
      daily.add(followersByDay.getOrDefault(day, List.of()).size());
    }
    List<Integer> sorted = new ArrayList<>(daily);
    sorted.sort(null);
    int median = sorted.get(DAYS / 2);
    int busiest = sorted.get(DAYS - 1);
    assertTrue(
        busiest >= 100 && busiest >= 10 * median, "busiest " + busiest + ", median " + median);

    List<String> burstFollowers = followersByDay.get(firstDay + daily.indexOf(busiest));
    Set<String> engaged = new HashSet<>();
    for (Ev e : events) {
      if (e.interaction() && e.target().equals(burst)) {
        engaged.add(e.actor());
      } else if (e.interaction() && e.actor().equals(burst)) {
        engaged.add(e.target());
      }
    }
    long strangers = burstFollowers.stream().filter(a -> !engaged.contains(a)).count();
    assertTrue(
        strangers >= 0.8 * burstFollowers.size(),
        strangers + " of " + burstFollowers.size() + " never interacted with " + burst);
  }
}
