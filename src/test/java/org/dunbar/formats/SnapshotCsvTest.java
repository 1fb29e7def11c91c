package org.dunbar.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dunbar.records.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnapshotCsvTest {
  private static final long T = 1_600_000_000L * 1_000_000;
  private static final SnapshotCsv FORMAT =
      new SnapshotCsv(new TimeBounds(946_684_800L * 1_000_000, null));
  private static final String HEADER = "followers,posts,account,ts,following";

  private static RecordingSink parse(String header, String row) {
    RecordingSink sink = new RecordingSink();
    FORMAT.parse("snapshots.csv", 5, row, header, sink);
    return sink;
  }

  @Test
  void readsTheInputsDelimiterAndEpochsInEveryUnit() {
    SnapshotCsv semicolons = new SnapshotCsv(new TimeBounds(0, null), ';');
    RecordingSink sink = new RecordingSink();
    // 1,600,000,000,000,000 is epoch microseconds (1e14 <= it < 1e17): 2020-09-13T12:26:40Z.
    semicolons.parse("counts.csv", 2, "\"a;b\";1600000000000000;3", "account;ts;followers", sink);
    assertEquals(new Snapshot("a;b", T, 3L, null, null, "counts.csv", 2L), sink.onlySnapshot());
    assertEquals(Framing.csv(';'), semicolons.framing("counts.csv"));
  }

  @Test
  void aHeaderWithoutARequiredColumnNamesTheColumnsItHas() {
    // A semicolon file read with commas: one column, and a hint.
    RecordingSink.Rejection r = parse("account;ts;followers", "a;1600000000;3").onlyRejection();
    assertEquals("missing_field", r.reason());
    assertEquals(
        "account: the header has no column 'account'; its 1 column: 'account;ts;followers'"
            + " (it holds ';': set the input's delimiter to ';')",
        r.detail());
    // A tab-separated file: the hint says tab.
    assertEquals(
        "account: the header has no column 'account'; its 1 column: 'account\tts\tfollowers'"
            + " (it holds tabs: set the input's delimiter to tab)",
        parse("account\tts\tfollowers", "a\t1600000000\t3").onlyRejection().detail());
    // Columns present but one missing: no hint, just what is there.
    assertEquals(
        "followers: the header has no column 'followers'; its 2 columns: 'account', 'ts'",
        parse("account,ts", "a,1600000000").onlyRejection().detail());
  }

  @Test
  void readsAllCounts() {
    assertEquals(
        new Snapshot("alice", T, 150L, 80L, 12L, "snapshots.csv", 5L),
        parse(HEADER, "150,12,alice,2020-09-13T12:26:40Z,80").onlySnapshot());
  }

  @Test
  void leavesOptionalCountsNullWhenEmptyOrWithoutAColumn() {
    assertEquals(
        new Snapshot("alice", T, 0L, null, null, "snapshots.csv", 5L),
        parse(HEADER, "0,,alice,1600000000,").onlySnapshot());
    assertEquals(
        new Snapshot("bob", T, 7L, null, null, "snapshots.csv", 5L),
        parse("account,ts,followers", "bob,1600000000000,007").onlySnapshot());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "150,12,alice,1600000000|unparsable|expected 5 columns as in the header, found 4",
        // no account, and a bad timestamp
        "150,12,,soon,80|missing_field|account",
        "150,12,alice,,80|missing_field|ts",
        ",12,alice,1600000000,80|missing_field|followers",
        // a bad timestamp and a bad count
        "-1,12,alice,2020-09-13T12:26:40,80|bad_timestamp|ts '2020-09-13T12:26:40'",
        "-1,12,alice,1600000000,80|bad_count|followers '-1'",
        "1,12,alice,1600000000,1.5|bad_count|following '1.5'",
        "1,+3,alice,1600000000,1|bad_count|posts '+3'",
        "1,1,alice,1600000000,99999999999999999999|bad_count|following '99999999999999999999'",
        // no account has more than 10^12 followers: a larger count would also make sums wrap
        "9223372036854775807,1,alice,1600000000,1|bad_count|followers '9223372036854775807'",
        "1000000000001,1,alice,1600000000,1|bad_count|followers '1000000000001'",
        // a bad count out of range
        "1,x,alice,5,1|bad_count|posts 'x'",
        "1,1,alice,5,1|ts_out_of_range|ts 1970-01-01T00:00:05Z before not_before"
            + " 2000-01-01T00:00:00Z",
      })
  void rejectsByTheFirstFailingCheck(String row, String reason, String detail) {
    assertEquals(
        new RecordingSink.Rejection(reason, detail, null), parse(HEADER, row).onlyRejection());
  }

  @Test
  void alwaysHasAHeaderAndNoComments() {
    assertTrue(FORMAT.hasHeader("snapshots.txt"));
    assertFalse(FORMAT.skipsHashComments());
  }
}
