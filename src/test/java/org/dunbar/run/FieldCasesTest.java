package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.dunbar.tables.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every case of {@code ../shared/field-cases} (issue 9) gives what its README says, read from
 * there: each test runs the command on the case's file(s), with default settings unless the README
 * names one. Record line numbers are checked where ReadInputs makes them, in {@code
 * org.dunbar.canonical.FieldCaseRecordsTest}.
 */
class FieldCasesTest {
  @TempDir Path out;

  private static List<Long> counts(JsonNode kind, String... names) {
    return java.util.Arrays.stream(names).map(n -> kind.get(n).asLong()).toList();
  }

  @Test
  void zstdWithA2GiBWindowIsReadWhole() {
    Path zst = FieldCaseRun.file("zstd-long-window/events.jsonl.zst");
    FieldCaseRun run = FieldCaseRun.run(out, "zstd", "--events=" + zst).exited(0);

    // 5 lines: a post, two replies and two follows, all accepted.
    assertEquals(
        List.of(5L, 5L, 0L, 5L),
        counts(run.accounting("events"), "read", "accepted", "rejected", "unique"));
  }

  @Test
  void twitterV1StreamNoticesAreSkippedByKindAndTheStreamPublishes() {
    Path stream = FieldCaseRun.file("twitter-v1-stream-notices/stream.jsonl");
    FieldCaseRun run =
        FieldCaseRun.run(out, "notices", "--events=" + stream, "--events-format=twitter-v1")
            .exited(0);

    assertTrue(run.published());
    JsonNode events = run.accounting("events");
    // 24 lines: 20 tweets (15 posts with one mention each, 5 replies) and 4 notices.
    assertEquals(
        List.of(24L, 20L, 0L, 4L), counts(events, "read", "accepted", "rejected", "skipped"));
    assertEquals(
        "{\"delete\":1,\"limit\":1,\"scrub_geo\":1,\"status_withheld\":1}",
        events.get("skipped_by_kind").toString());
    // 15 posts + 15 mentions + 5 replies.
    assertEquals(35, events.get("unique").asLong());
    assertEquals(
        List.of("0"), Duck.rows("select count(*) from " + Duck.table(run.runDir(), "rejected")));
  }

  @Test
  void anExcelCsvWithBomCrlfAndAQuotedLineBreakIsReadWhole() {
    Path csv = FieldCaseRun.file("csv-rfc4180/excel-export.csv");
    FieldCaseRun run = FieldCaseRun.run(out, "excel", "--events=" + csv).exited(0);

    assertEquals(
        List.of(4L, 4L, 0L), counts(run.accounting("events"), "read", "accepted", "rejected"));
    // e1 reply a -> b, e2 reply b -> a (its text spans two lines), e3 follow b -> a, e4 mention a
    // -> c.
    assertEquals(
        List.of(
            "follow|user_b|user_a",
            "mention|user_a|user_c",
            "reply|user_a|user_b",
            "reply|user_b|user_a"),
        Duck.rows(
            "select layer, actor, target from "
                + Duck.table(run.runDir(), "interaction_edges")
                + " order by all"));
  }

  @Test
  void aSemicolonCsvIsReadWithItsDelimiterAndOtherwiseSaysWhichOneItHolds() {
    Path csv = FieldCaseRun.file("csv-rfc4180/semicolon-export.csv");
    FieldCaseRun withDelimiter =
        FieldCaseRun.run(out, "semicolon", "--events=" + csv, "--delimiter=;").exited(0);
    // Two rows: a follow and a message, user_c -> user_a.
    assertEquals(
        List.of(2L, 2L, 0L),
        counts(withDelimiter.accounting("events"), "read", "accepted", "rejected"));

    FieldCaseRun without = FieldCaseRun.run(out, "comma", "--events=" + csv).exited(4);
    assertFalse(without.published());
    // The header is read as one column named "type;actor;target;ts": every row lacks 'type'.
    assertEquals(
        List.of(
            "2|missing_field|type: the header has no column 'type'; its 1 column:"
                + " 'type;actor;target;ts' (it holds ';': set the input's delimiter to ';')",
            "3|missing_field|type: the header has no column 'type'; its 1 column:"
                + " 'type;actor;target;ts' (it holds ';': set the input's delimiter to ';')"),
        Duck.rows(
            "select line, reason, detail from "
                + Duck.table(without.runDir(), "rejected")
                + " order by line"));
    assertTrue(
        without.result().err().contains("2 of 2 records rejected (100.0 %)"),
        without.result().err());
    assertTrue(without.result().err().contains(": 2 missing_field type"), without.result().err());
  }

  @Test
  void everyEpochUnitGivesTheSameInstantAndOtherSpellingsAreBadTimestamps() {
    Path events = FieldCaseRun.file("epoch-units/events.jsonl");
    // 6 of 14 records are wrong on purpose.
    FieldCaseRun run =
        FieldCaseRun.run(out, "epochs", "--events=" + events, "--max-rejected-fraction=0.5")
            .exited(0);

    assertEquals(
        List.of(14L, 8L, 6L), counts(run.accounting("events"), "read", "accepted", "rejected"));
    // Microseconds after 2021-03-01T10:00:00Z (1,614,592,800,000,000 µs): seconds (t08, a digit
    // string), milliseconds (t07), microseconds (t11), nanoseconds (t14) and the ISO forms with
    // +0000 (t02) and +00 (t03) all give 0; t01's nanosecond fraction is cut to 123,456 µs, and
    // t04's 15:30:00.5+05:30 is 10:00:00.5.
    assertEquals(
        List.of(
            "ts_epoch_ms|0",
            "ts_epoch_ns|0",
            "ts_epoch_s_str|0",
            "ts_epoch_us|0",
            "ts_nanos|123456",
            "ts_offset_530|500000",
            "ts_plus00|0",
            "ts_plus0000|0"),
        Duck.rows(
            "select actor, epoch_us(first_at) - 1614592800000000 from "
                + Duck.table(run.runDir(), "interaction_edges")
                + " order by actor"));
    // A space for T, no offset, a decimal string, v1.1's created_at and a lower-case z are
    // bad_timestamp; a JSON float is no value at all: a missing ts.
    assertEquals(
        List.of(
            "t05|bad_timestamp",
            "t06|bad_timestamp",
            "t09|missing_field",
            "t10|bad_timestamp",
            "t12|bad_timestamp",
            "t13|bad_timestamp"),
        Duck.rows(
            "select json_extract_string(raw, '$.event_id'), reason from "
                + Duck.table(run.runDir(), "rejected")
                + " order by 1"));
  }

  @Test
  void aMicrosecondEpochDoesNotStretchTheStudysEnd() {
    Path events = FieldCaseRun.file("epoch-units/eligibility.jsonl");
    FieldCaseRun run = FieldCaseRun.run(out, "eligibility", "--events=" + events).exited(0);

    // The last accepted event is fan_1's message at 2021-03-02T10:00:00Z (bsky_user's
    // 1614592800000000 µs is 2021-03-01T10:00:00Z): the follows of 03-01 have 1 day of input
    // after them, so none is eligible for 30 or 90 days.
    assertEquals(
        List.of("2|0|0"),
        Duck.rows(
            "select sum(follows), sum(eligible_30d), sum(eligible_90d) from "
                + Duck.table(run.runDir(), "acquisition_cohorts")));
    assertEquals(
        List.of("2021-03-02 10:00:00"),
        Duck.rows(
            "select strftime(max(last_at) at time zone 'UTC', '%Y-%m-%d %H:%M:%S') from "
                + Duck.table(run.runDir(), "network_layers")));
  }

  @Test
  void aPrettyPrintedV1ArrayGivesWhatItsOneLineFormGives() {
    Path pretty = FieldCaseRun.file("twitter-v1-pretty-array/array-pretty.json");
    Path oneLine = FieldCaseRun.file("twitter-v1-pretty-array/array-one-line.json");
    FieldCaseRun a =
        FieldCaseRun.run(out, "pretty", "--events=" + pretty, "--events-format=twitter-v1")
            .exited(0);
    FieldCaseRun b =
        FieldCaseRun.run(out, "one-line", "--events=" + oneLine, "--events-format=twitter-v1")
            .exited(0);

    // 3 tweets: a post, a reply, a post with a mention: 4 events; 3 user objects, 3 snapshots.
    assertEquals(
        List.of(3L, 3L, 0L, 4L),
        counts(a.accounting("events"), "read", "accepted", "rejected", "unique"));
    assertEquals(3, a.accounting("snapshots").get("snapshots").asLong());
    for (Table table : Table.values()) {
      assertEquals(
          Duck.all(b.runDir(), table.tableName()),
          Duck.all(a.runDir(), table.tableName()),
          table.tableName());
    }
  }

  @Test
  void largeV2PagesAreReadUnderTheDefaultLimitAndTheirLossFailsTheRunByBytes() {
    Path pages = FieldCaseRun.file("twitter-v2-large-pages/pages.jsonl.gz");
    FieldCaseRun whole =
        FieldCaseRun.run(out, "pages", "--events=" + pages, "--events-format=twitter-v2").exited(0);

    // Pages of 100 and 500 tweets, each tweet a post mentioning one account.
    assertEquals(
        List.of(600L, 600L, 0L, 1200L),
        counts(whole.accounting("events"), "read", "accepted", "rejected", "unique"));
    assertEquals(
        List.of("600|600"),
        Duck.rows(
            "select sum(posts), sum(mentions_sent) from "
                + Duck.table(whole.runDir(), "account_engagement")));

    // Below the second page's 1,455,006 bytes: 1 record of 101 is rejected (0.99 %, under 1 %),
    // but it holds 1,455,006 of the 325,269 + 1,455,006 bytes read (81.7 %).
    FieldCaseRun cut =
        FieldCaseRun.run(
                out,
                "cut",
                "--events=" + pages,
                "--events-format=twitter-v2",
                "--max-line-bytes=1000000")
            .exited(4);
    assertFalse(cut.published());
    assertEquals(
        List.of(101L, 100L, 1L, 1780275L, 1455006L),
        counts(
            cut.accounting("events"),
            "read",
            "accepted",
            "rejected",
            "bytes_read",
            "bytes_rejected"));
    assertTrue(
        cut.result()
            .err()
            .contains(
                "1 of 101 records rejected (0.99 %) and 1,455,006 of 1,780,275 bytes (81.7 %),"
                    + " over max_rejected_fraction 0.01: 1 line_too_long"),
        cut.result().err());
    assertEquals("failed", cut.manifest().get("status").asText());
  }

  @Test
  void aPlainFileUnderAGzNameIsReadAsTextAndACutGzipFailsTheRunNamingIt() {
    Path day0 = FieldCaseRun.file("gz-plain-and-truncated/day0.jsonl.gz");
    Path day1 = FieldCaseRun.file("gz-plain-and-truncated/day1.jsonl.gz");
    FieldCaseRun good =
        FieldCaseRun.run(out, "good-days", "--events=" + day0 + "," + day1).exited(0);
    // day0: 1 line; day1: 200 lines of plain text.
    assertEquals(
        List.of(201L, 201L, 0L), counts(good.accounting("events"), "read", "accepted", "rejected"));

    Path all = day0.getParent().resolve("day*.jsonl.gz");
    FieldCaseRun cut = FieldCaseRun.run(out, "all-days", "--events=" + all).exited(4);
    assertFalse(cut.published(), "nothing is published");
    String[] lines = cut.result().err().strip().split("\n");
    String last = lines[lines.length - 1];
    assertTrue(
        last.matches(
            "dunbar: run \\S+ not published: \\S*/day2\\.jsonl\\.gz cannot be read to its end:"
                + " compressed data ends early \\(gzip\\), after line 120"),
        last);
    assertFalse(cut.result().err().contains("\tat "), "no stack trace");
    assertFalse(cut.result().err().contains("Exception"), "no exception name");
    JsonNode manifest = cut.manifest();
    assertEquals("failed", manifest.get("status").asText());
    assertEquals(1, manifest.get("faults").size());
    assertTrue(manifest.get("faults").get(0).get("path").asText().endsWith("/day2.jsonl.gz"));
    assertEquals(120, manifest.get("faults").get(0).get("lines_read").asLong());
    // The 120 whole lines of day2 are counted (and balance), not published.
    assertEquals(
        List.of(321L, 321L, 0L), counts(cut.accounting("events"), "read", "accepted", "rejected"));
  }
}
