package org.dunbar.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dunbar.records.BaselineEdge;
import org.dunbar.records.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnapFormatsTest {
  private static final TimeBounds BOUNDS = new TimeBounds(946_684_800L * 1_000_000, null);
  private static final long T = 1_600_000_000L * 1_000_000;

  private static RecordingSink parse(LineFormat format, String line) {
    RecordingSink sink = new RecordingSink();
    format.parse("snap/higgs.txt", 3, line, null, sink);
    return sink;
  }

  private static void assertRejected(RecordingSink sink, String reason, String detail) {
    assertEquals(new RecordingSink.Rejection(reason, detail, null), sink.onlyRejection());
  }

  @ParameterizedTest
  @CsvSource({"RT,reshare", "MT,mention", "RE,reply"})
  void mapsActivityCodes(String code, String type) {
    Event event = parse(new SnapActivity(BOUNDS), "  7\t9 1600000000 " + code + " ").onlyEvent();
    assertEquals(new Event(null, type, "7", "9", null, null, T, "snap/higgs.txt", 3L), event);
  }

  @Test
  void rejectsActivityLinesByTheFirstFailingCheck() {
    SnapActivity activity = new SnapActivity(BOUNDS);
    assertRejected(
        parse(activity, "7 9 1600000000"),
        Reasons.UNPARSABLE,
        "expected 4 whitespace-separated fields, found 3");
    assertRejected(
        parse(activity, "7 9 1600000000 RT x"),
        Reasons.UNPARSABLE,
        "expected 4 whitespace-separated fields, found 5");
    assertRejected(parse(activity, "7 9 1600000000 rt"), Reasons.UNKNOWN_TYPE, "interaction 'rt'");
    assertRejected(parse(activity, "7 9 soon XX"), Reasons.UNKNOWN_TYPE, "interaction 'XX'");
    assertRejected(
        parse(activity, "7 9 2020-09-13T12:26:40Z RT"),
        Reasons.BAD_TIMESTAMP,
        "ts '2020-09-13T12:26:40Z'");
    assertRejected(
        parse(activity, "7 9 946684799 MT"),
        Reasons.TS_OUT_OF_RANGE,
        "ts 1999-12-31T23:59:59Z before not_before 2000-01-01T00:00:00Z");
  }

  @Test
  void readsEpochsInEveryUnitTheirSizeTells() {
    // 1,600,000,000 s; the same instant in ms, µs and ns.
    for (String epoch :
        new String[] {"1600000000", "1600000000000", "1600000000000000", "1600000000000000000"}) {
      assertEquals(
          1_600_000_000L * 1_000_000,
          parse(new SnapMessages(BOUNDS), "1 2 " + epoch).onlyEvent().getTs(),
          epoch);
    }
  }

  @Test
  void keepsSelfInteractionsInActivity() {
    assertEquals("7", parse(new SnapActivity(BOUNDS), "7 7 1600000000 RE").onlyEvent().getTarget());
  }

  @Test
  void readsMessages() {
    SnapMessages messages = new SnapMessages(BOUNDS);
    assertEquals(
        new Event(null, "message", "1", "2", null, null, T, "snap/higgs.txt", 3L),
        parse(messages, "1 2 1600000000").onlyEvent());
    assertEquals(T, parse(messages, "1 2 1600000000000").onlyEvent().getTs());
    assertRejected(
        parse(messages, "1 2 1600000000 RT"),
        Reasons.UNPARSABLE,
        "expected 3 whitespace-separated fields, found 4");
    assertRejected(parse(messages, "1 2 -5"), Reasons.BAD_TIMESTAMP, "ts '-5'");
    assertRejected(
        parse(new SnapMessages(new TimeBounds(0, 0L)), "1 2 1"),
        Reasons.TS_OUT_OF_RANGE,
        "ts 1970-01-01T00:00:01Z after not_after 1970-01-01T00:00:00Z");
  }

  @Test
  void readsEdgeLists() {
    EdgeList edges = new EdgeList();
    assertEquals(
        new BaselineEdge("a", "b", "snap/higgs.txt", 3L), parse(edges, "a\t b").onlyEdge());
    assertRejected(
        parse(edges, "a"), Reasons.UNPARSABLE, "expected 2 whitespace-separated fields, found 1");
    assertRejected(
        parse(edges, "a b c"),
        Reasons.UNPARSABLE,
        "expected 2 whitespace-separated fields, found 3");
    assertRejected(parse(edges, "a a"), Reasons.SELF_FOLLOW, "follower and followee 'a'");
  }

  @Test
  void whitespaceFormatsSkipHashCommentsAndHaveNoHeader() {
    for (LineFormat format :
        new LineFormat[] {new SnapActivity(BOUNDS), new SnapMessages(BOUNDS), new EdgeList()}) {
      assertTrue(format.skipsHashComments());
      assertFalse(format.hasHeader("x.csv"));
    }
  }
}
