package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --audience-bands=10,100} through the CLI: five accounts that each post once in the week of
 * 2024-01-01, four with a snapshot count at the week's start sitting on either side of a bound, one
 * with no count.
 */
class CustomAudienceBandsStudyTest {
  @TempDir static Path tmp;
  static Path run;

  @BeforeAll
  static void runWithTwoBounds() throws IOException {
    Path dump = Files.createDirectories(tmp.resolve("dump"));
    List<String> posters = List.of("ten", "eleven", "hundred", "hundred1", "nocount");
    Files.write(
        dump.resolve("events.jsonl"),
        posters.stream()
            .map(a -> "{\"type\":\"post\",\"actor\":\"" + a + "\",\"ts\":\"2024-01-02T12:00:00Z\"}")
            .toList());
    Files.writeString(
        dump.resolve("snapshots.csv"),
        """
        account,ts,followers
        ten,2024-01-01T00:00:00Z,10
        eleven,2024-01-01T00:00:00Z,11
        hundred,2024-01-01T00:00:00Z,100
        hundred1,2024-01-01T00:00:00Z,101
        """);
    // Embedded Flink at parallelism 1: a whole study runs faster there than on the DirectRunner.
    run =
        Dunbar.run(
                "run",
                "--name=bands",
                "--output=" + tmp.resolve("out"),
                "--runner=flink",
                "--parallelism=1",
                "--events=" + dump.resolve("events.jsonl"),
                "--snapshots=" + dump.resolve("snapshots.csv"),
                "--audience-bands=10,100")
            .published();
  }

  @Test
  void accountRowsAreBandedByTheGivenBounds() {
    // Bounds are inclusive upper ends: 10 is 0-10, 11 and 100 are 11-100, 101 is the open band;
    // with two bounds unknown is order 3.
    assertEquals(
        List.of(
            "eleven|snapshot|11|11-100|1",
            "hundred|snapshot|100|11-100|1",
            "hundred1|snapshot|101|101+|2",
            "nocount|none|null|unknown|3",
            "ten|snapshot|10|0-10|0"),
        Duck.rows(
            "select account, followers_source, followers_start, audience_band, band_order from "
                + Duck.table(run, "account_engagement")
                + " order by account"));
  }

  @Test
  void cohortRowsUseTheSameBands() {
    assertEquals(
        List.of("0-10|0|1|10", "11-100|1|2|111", "101+|2|1|101", "unknown|3|1|null"),
        Duck.rows(
            "select audience_band, band_order, accounts, followers_start_sum from "
                + Duck.table(run, "engagement_by_cohort")
                + " order by band_order"));
  }
}
