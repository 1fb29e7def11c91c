package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Groups of more than 10,000 values on embedded Flink, where Beam's CoGroupByKey fails ("GBK result
 * is not re-iterable") because it reads a large group once per input: one pair with 12,000
 * messages, and one account active on 10,001 days of a daily study, so its timeline has 10,001
 * periods.
 */
class LargeGroupsStudyTest {
  private static final int MESSAGES = 12_000;
  private static final int DAYS = 10_001;
  @TempDir static Path tmp;
  static Path run;

  @BeforeAll
  static void runOnEmbeddedFlink() throws IOException {
    List<String> lines = new ArrayList<>();
    Instant start = Instant.parse("2024-01-01T00:00:00Z");
    for (int i = 0; i < MESSAGES; i++) {
      lines.add(
          "{\"type\":\"message\",\"actor\":\"talker\",\"target\":\"listener\",\"ts\":\""
              + start.plus(i, ChronoUnit.MINUTES)
              + "\"}");
    }
    Instant first = Instant.parse("2000-01-01T12:00:00Z");
    for (int d = 0; d < DAYS; d++) {
      lines.add(
          "{\"type\":\"post\",\"actor\":\"daily\",\"ts\":\""
              + first.plus(d, ChronoUnit.DAYS)
              + "\"}");
    }
    Path events =
        Files.write(Files.createDirectories(tmp.resolve("dump")).resolve("events.jsonl"), lines);
    run =
        Dunbar.run(
                "run",
                "--name=large",
                "--output=" + tmp.resolve("out"),
                "--runner=flink",
                "--parallelism=2",
                "--period=day",
                "--events=" + events)
            .published();
  }

  @Test
  void aPairWithTwelveThousandEventsIsReplayedWhole() {
    assertEquals(
        List.of("message|talker|listener|" + MESSAGES),
        Duck.rows(
            "select layer, actor, target, events from "
                + Duck.table(run, "interaction_edges")
                + " order by all"));
  }

  @Test
  void anAccountWithTenThousandAndOnePeriodsGetsARowForEach() {
    // One post a day from 2000-01-01 on: 10,001 daily rows of one post each.
    assertEquals(
        List.of(DAYS + "|" + DAYS + "|2000-01-01|2027-05-19"),
        Duck.rows(
            "select count(*), sum(posts), min(period_start), max(period_start) from "
                + Duck.table(run, "account_engagement")
                + " where account = 'daily'"));
  }
}
