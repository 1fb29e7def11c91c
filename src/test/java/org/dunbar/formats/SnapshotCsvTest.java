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
