package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI on {@link HandMadeDump}, read back with DuckDB. Every expected row below was worked out
 * by hand from the SPEC's rules; the comments say how.
 */
class HandMadeStudyTest {
  /** The tables whose rows must not depend on runner, parallelism or input order. */
  private static final List<String> TABLES =
      List.of(
          "follower_growth",
          "acquisition_cohorts",
          "account_engagement",
          "engagement_by_cohort",
          "dunbar_curve",
          "interaction_edges",
          "network_layers");

  @TempDir static Path tmp;
  static Path dump;
  static Path run;

  @BeforeAll
  static void runOnTheDirectRunner() throws IOException {
    dump = HandMadeDump.write(tmp.resolve("dump"), null);
    run =
        Dunbar.run(
                HandMadeDump.args(dump, tmp.resolve("out"), "--runner=direct", "--parallelism=2"))
            .published();
  }

  private static List<String> q(String sql) {
    return Duck.rows(sql);
  }

  @Test
  void leavesNoScratchInThePublishedRun() throws IOException {
    try (Stream<Path> all = Files.walk(run)) {
      List<Path> scratch =
          all.filter(
                  p ->
                      p.getFileName().toString().startsWith(".")
                          || p.getFileName().toString().startsWith("_tallies"))
              .toList();
      assertEquals(List.of(), scratch);
    }
  }

  @Test
  void accountingBalancesAndIsInTheManifest() throws IOException {
    JsonNode m = new ObjectMapper().readTree(run.resolve("_manifest.json").toFile());
    assertEquals("published", m.get("status").asText());
    JsonNode events = m.get("accounting").get("events");
    // 24 non-blank lines in events.jsonl (14 good, 10 rejected) + 4 CSV rows (header not counted).
    assertEquals(28, events.get("read").asLong());
    assertEquals(18, events.get("accepted").asLong());
    assertEquals(10, events.get("rejected").asLong());
    // Two CSV rows copy events.jsonl records; x1 appears twice with different targets.
    assertEquals(3, events.get("duplicates").asLong());
    assertEquals(1, events.get("conflicting_duplicates").asLong());
    assertEquals(15, events.get("unique").asLong());
    JsonNode snapshots = m.get("accounting").get("snapshots");
    assertEquals(
        List.of(6L, 4L, 2L, 3L),
        List.of(
            snapshots.get("read").asLong(),
            snapshots.get("accepted").asLong(),
            snapshots.get("rejected").asLong(),
            snapshots.get("unique").asLong()));
    JsonNode baseline = m.get("accounting").get("baseline");
    assertEquals(
        List.of(5L, 3L, 2L, 2L),
        List.of(
            baseline.get("read").asLong(),
            baseline.get("accepted").asLong(),
            baseline.get("rejected").asLong(),
            baseline.get("unique").asLong()));
    assertEquals(14, m.get("rows").get("rejected").asLong());
    // Bytes of the records read and rejected (see HandMadeDump.MAX_REJECTED_FRACTION): events
    // 1,052 + 431 + 4,101 + 152 read, 431 + 4,101 rejected; snapshots 162 and 12 + 29; baseline
    // 41 and 7 + 13.
    assertEquals(
        List.of(5736L, 4532L, 162L, 41L, 41L, 20L),
        List.of(
            events.get("bytes_read").asLong(),
            events.get("bytes_rejected").asLong(),
            snapshots.get("bytes_read").asLong(),
            snapshots.get("bytes_rejected").asLong(),
            baseline.get("bytes_read").asLong(),
            baseline.get("bytes_rejected").asLong()));
    assertEquals(14.0 / 39, m.get("rejected_share").get("records").asDouble(), 1e-12);
    assertEquals(4593.0 / 5939, m.get("rejected_share").get("bytes").asDouble(), 1e-12);
    assertEquals(4, m.get("inputs").size());
    assertTrue(m.get("version").asText().length() >= 7, "the git commit of the build");
  }

  @Test
  void everyRejectionReasonWithItsLineAndRawText() {
    assertEquals(
        List.of(
            "baseline.txt|5|baseline|self_follow|ivy ivy|false",
            "baseline.txt|6|baseline|unparsable|bad line here|false",
            "events.jsonl|15|events|unparsable|not json|false",
            "events.jsonl|16|events|missing_field|{\"actor\":\"a\",\"target\":\"b\",\"ts\":1704067200}|false",
            "events.jsonl|17|events|unknown_type|{\"type\":\"poke\",\"actor\":\"a\",\"target\":\"b\",\"ts\":1704067200}|false",
            "events.jsonl|18|events|missing_field|{\"type\":\"reply\",\"target\":\"b\",\"ts\":1704067200}|false",
            "events.jsonl|19|events|missing_field|{\"type\":\"reply\",\"actor\":\"a\",\"ts\":1704067200}|false",
            "events.jsonl|20|events|missing_field|{\"type\":\"reply\",\"actor\":\"a\",\"target\":\"b\"}|false",
            "events.jsonl|21|events|bad_timestamp|{\"type\":\"reply\",\"actor\":\"a\",\"target\":\"b\",\"ts\":\"2024-01-02T10:00:00\"}|false",
            "events.jsonl|22|events|self_follow|{\"type\":\"follow\",\"actor\":\"a\",\"target\":\"a\",\"ts\":1704067200}|false",
            "events.jsonl|23|events|ts_out_of_range|{\"type\":\"reply\",\"actor\":\"a\",\"target\":\"b\",\"ts\":\"1999-12-31T23:59:59Z\"}|false",
            "snapshots.csv|6|snapshots|bad_timestamp|gus,soon,1,,|false",
            "snapshots.csv|7|snapshots|bad_count|gus,2024-01-11T00:00:00Z,-1,,|false"),
        q(
            "select regexp_extract(source, '[^/]+$'), line, kind, reason, raw, raw_truncated from "
                + Duck.table(run, "rejected")
                + " where reason <> 'line_too_long' order by all"));
    // Line 24 is blank: skipped, yet it still counts for the line numbers after it.
    assertEquals(
        List.of("25|line_too_long|4,101 bytes, over max_line_bytes 4,100|4096|true"),
        q(
            "select line, reason, detail, octet_length(encode(raw)), raw_truncated from "
                + Duck.table(run, "rejected")
                + " where reason = 'line_too_long'"));
    assertEquals(
        List.of("actor", "target", "ts", "type"),
        q(
            "select detail from "
                + Duck.table(run, "rejected")
                + " where reason = 'missing_field' order by 1"));
  }

  @Test
  void tablesHaveTheSpecTypes() {
    assertEquals(
        List.of(
            "layer|VARCHAR",
            "actor|VARCHAR",
            "target|VARCHAR",
            "events|BIGINT",
            "first_at|TIMESTAMP WITH TIME ZONE",
            "last_at|TIMESTAMP WITH TIME ZONE",
            "present_at_end|BOOLEAN"),
        Duck.describe(run, "interaction_edges"));
    assertTrue(
        Duck.describe(run, "follower_growth")
            .containsAll(
                List.of(
                    "period_start|DATE",
                    "followers_start|BIGINT",
                    "growth_rate|DOUBLE",
                    "period_month|VARCHAR")));
    assertTrue(Duck.describe(run, "acquisition_cohorts").contains("acquisition_month|DATE"));
    assertTrue(
        Duck.describe(run, "engagement_by_cohort")
            .containsAll(List.of("period_start|DATE", "engagement_rate_p50|DOUBLE")));
    assertTrue(
        Duck.describe(run, "network_layers")
            .containsAll(List.of("edge_reciprocity|DOUBLE", "first_at|TIMESTAMP WITH TIME ZONE")));
    assertTrue(
        Duck.describe(run, "rejected")
            .containsAll(List.of("line|BIGINT", "raw_truncated|BOOLEAN")));
  }

  @Test
  void interactionEdges() {
    // Follow layer: effective follows only; cat's edge to bob was removed, hal's baseline edges
    // have no follow event. The two identical messages are two events; the CSV copies count once.
    assertEquals(
        List.of(
            "follow|ann|bob|1|2024-01-03 00:00:00|true",
            "follow|bob|ann|1|2024-01-03 01:00:00|true",
            "follow|cat|bob|1|2024-01-04 23:00:00|false",
            "follow|dan|ann|1|2024-01-09 00:00:00|true",
            "like|cat|bob|1|2024-01-04 01:00:00|null",
            "mention|dan|cat|1|2024-01-07 00:00:00|null",
            "message|cat|dan|2|2024-01-06 12:00:00|null",
            "quote|eve|ann|1|2024-01-08 00:00:00|null",
            "reply|ann|bob|1|2024-01-02 10:00:00|null",
            "reply|bob|ann|1|2024-01-02 11:00:00|null",
            "reply|fay|ann|1|2024-01-10 00:00:00|null",
            "reshare|eve|eve|1|2024-01-08 01:00:00|null"),
        q(
            "select layer, actor, target, events, strftime(first_at at time zone 'UTC', '%Y-%m-%d"
                + " %H:%M:%S'), present_at_end from "
                + Duck.table(run, "interaction_edges")
                + " order by all"));
  }

  @Test
  void networkLayersReciprocity() {
    // follow: edges at the end are ann<->bob, dan->ann and the baseline ann<->hal: 5 edges, 4 of
    // them reciprocal (0.8); 3 connected pairs, 2 mutual (0.6667). any: 8 edges with eve's
    // self-loop; 4 reciprocal over 7 non-loop edges; 5 pairs, 2 mutual.
    assertEquals(
        List.of(
            "any|6|8|9|1|4|0.5714|0.4",
            "directed|6|6|7|0|4|0.6667|0.5",
            "follow|4|5|4|0|4|0.8|0.6667",
            "like|2|1|1|0|0|0.0|0.0",
            "mention|2|1|1|0|0|0.0|0.0",
            "message|2|1|2|0|0|0.0|0.0",
            "quote|2|1|1|0|0|0.0|0.0",
            "reply|3|3|3|0|2|0.6667|0.5",
            "reshare|1|1|1|1|0|null|null"),
        q(
            "select layer, nodes, edges, events, self_loops, reciprocal_edges,"
                + " round(edge_reciprocity, 4), round(pair_reciprocity, 4) from "
                + Duck.table(run, "network_layers")
                + " order by layer"));
  }

  @Test
  void followerGrowth() {
    // ann: baseline follower hal; bob follows back in week 1; dan follows with no reason in week 2.
    // bob: ann follows after a conversation, cat after a like (engaged) and churns a day later;
    // a week-2 snapshot of 5 against a replayed 1 is growth the dump cannot explain.
    // gus: snapshots only (120 wins over 130 at one instant: the later line).
    assertEquals(
        List.of(
            "ann|2024-01-01|replay|1|2|1|0|1|1.0|1|0|0|0|0|0|0|0|0|null|null",
            "ann|2024-01-08|replay|2|3|1|0|1|0.5|0|0|0|0|0|1|0|0|0|null|null",
            "bob|2024-01-01|replay|0|1|2|1|1|null|0|1|0|1|0|0|1|1|0|null|null",
            "bob|2024-01-08|replay|1|1|0|0|0|0.0|0|0|0|0|0|0|0|0|0|5|4",
            "gus|2024-01-01|snapshot|100|100|null|null|0|0.0|null|null|null|null|null|null|null|null|null|100|null",
            "gus|2024-01-08|snapshot|100|120|null|null|20|0.2|null|null|null|null|null|null|null|null|null|120|null"),
        Duck.all(run, "follower_growth"));
  }

  @Test
  void acquisitionCohorts() {
    // All four follows land in band 0-5 (followees had 0-2 followers); none has 30 days of input
    // after it.
    assertEquals(
        List.of(
            "0-5|0|2024-01-01|conversation|1|0|0|0|0|0|0|0|false",
            "0-5|0|2024-01-01|engaged|1|1|0|0|0|0|0|0|false",
            "0-5|0|2024-01-01|follow_back|1|0|0|0|0|0|0|0|false",
            "0-5|0|2024-01-01|unexplained|1|0|0|0|0|0|0|0|false"),
        Duck.all(run, "acquisition_cohorts"));
  }

  @Test
  void accountEngagement() {
    assertEquals(
        List.of(
            // ann wk1: engaged by bob (not yet a follower); bob's reply was never answered later.
            "ann|2024-01-01|0-5|0|replay|1|0|1|0|0|0|0|0|1|0|0|0|0|0|1|1.0|0|0.0|1|0.0|0.0",
            // ann wk2: quoted by eve, replied to by fay; answered neither.
            "ann|2024-01-08|0-5|0|replay|2|0|0|0|0|0|0|0|1|0|1|0|0|0|2|1.0|0|0.0|0|0.0|null",
            // bob wk1: ann's reply answered an hour later; cat liked before following.
            "bob|2024-01-01|0-5|0|replay|0|1|1|0|0|0|0|0|1|0|0|0|0|1|2|null|0|null|1|1.0|0.5",
            // cat and dan: never followed, no snapshots: band unknown, no engaged_followers.
            "cat|2024-01-01|unknown|9|none|null|0|0|0|0|2|0|1|0|1|0|0|0|0|1|null|null|null|1|0.0|0.0",
            "dan|2024-01-01|unknown|9|none|null|0|0|1|0|0|0|0|0|0|0|2|0|0|1|null|null|null|1|1.0|0.0",
            // eve's self-reshare counts as sent and received, never as an engager.
            "eve|2024-01-08|unknown|9|none|null|0|0|0|1|0|1|0|0|0|0|0|1|0|0|null|null|null|0|null|0.0",
            "fay|2024-01-08|unknown|9|none|null|0|1|0|0|0|0|0|0|0|0|0|0|0|0|null|null|null|0|null|0.0"),
        Duck.all(run, "account_engagement"));
  }

  @Test
  void engagementByCohort() {
    assertEquals(
        List.of(
            "0-5|0|2024-01-01|2|2|1|3|0|3.0|0.0|1.0|0.0|0.0|0.0|0.0|0.0|1.0|false",
            "0-5|0|2024-01-08|1|0|2|2|0|1.0|0.0|1.0|0.0|0.0|0.0|0.0|null|0.0|false",
            "unknown|9|2024-01-01|2|2|null|2|null|null|null|null|null|null|null|0.0|0.0|1.0|false",
            "unknown|9|2024-01-08|2|2|null|0|null|null|null|null|null|null|null|null|0.0|0.0|false"),
        Duck.all(run, "engagement_by_cohort"));
  }

  @Test
  void dunbarCurve() {
    // Reciprocal pairs: ann-bob (1 reply each way), cat-dan (2 messages, 1 mention): w = 1, 1, 2,
    // 1.
    assertEquals(List.of("1|1|4|1.25|1.0|false"), Duck.all(run, "dunbar_curve"));
  }

  @Test
  void aFailedRunLeavesLatestAloneAndARerunPublishesTheSameRows() throws IOException {
    Path studyDir = tmp.resolve("out/hand");
    String before = Dunbar.latest(studyDir);
    assertEquals(
        run.getFileName().toString(),
        before,
        "the first run was published (only this test publishes others)");
    Dunbar failed =
        Dunbar.run(
            HandMadeDump.args(
                dump, tmp.resolve("out"), "--runner=direct", "--max-rejected-fraction=0.01"));
    assertEquals(4, failed.exitCode(), failed.err());
    assertTrue(failed.err().contains("max_rejected_fraction"), failed.err());
    assertTrue(
        failed.err().contains("dunbar validate with the same arguments shows examples by file"),
        "the one line says where to find the rejected records' files and lines: " + failed.err());
    assertEquals(before, Dunbar.latest(studyDir));
    Path failedRun;
    try (Stream<Path> runs = Files.list(studyDir.resolve("runs"))) {
      failedRun =
          runs.filter(p -> !p.getFileName().toString().equals(before)).findFirst().orElseThrow();
    }
    try (Stream<Path> runs = Files.list(studyDir.resolve("runs"))) {
      assertEquals(2, runs.count(), "the published run and the failed one");
    }
    assertTrue(
        new ObjectMapper()
            .readTree(failedRun.resolve("_manifest.json").toFile())
            .get("status")
            .asText()
            .equals("failed"));
    assertEquals(
        List.of("14"),
        Duck.rows("select count(*) from " + Duck.table(failedRun, "rejected")),
        "the failed run's rejected table is there for inspection");

    Path rerun =
        Dunbar.run(HandMadeDump.args(dump, tmp.resolve("out"), "--runner=direct")).published();
    assertEquals(rerun.getFileName().toString(), Dunbar.latest(studyDir));
    for (String table : TABLES) {
      assertEquals(Duck.all(run, table), Duck.all(rerun, table), table + " of the re-run");
    }
  }

  @Test
  void sameRowsOnEmbeddedFlinkWithShuffledInputAtParallelismOneAndFour() throws IOException {
    for (int parallelism : new int[] {1, 4}) {
      Path shuffled =
          HandMadeDump.write(tmp.resolve("shuffled-" + parallelism), (long) parallelism);
      Path other =
          Dunbar.run(
                  HandMadeDump.args(
                      shuffled,
                      tmp.resolve("out-" + parallelism),
                      "--runner=flink",
                      "--parallelism=" + parallelism))
              .published();
      for (String table : TABLES) {
        assertEquals(
            Duck.all(run, table), Duck.all(other, table), table + " at parallelism " + parallelism);
      }
      String rejected =
          "select regexp_extract(source, '[^/]+$'), kind, reason, detail, raw, raw_truncated from"
              + " %s order by all";
      assertEquals(
          Duck.rows(rejected.formatted(Duck.table(run, "rejected"))),
          Duck.rows(rejected.formatted(Duck.table(other, "rejected"))));
    }
  }
}
