package org.dunbar.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dunbar.records.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalEventsTest {
  private static final long Y2K = 946_684_800L * 1_000_000;
  private static final long T = 1_600_000_000L * 1_000_000;
  private static final CanonicalEvents FORMAT = new CanonicalEvents(new TimeBounds(Y2K, null));

  private static RecordingSink json(String line) {
    return parse(FORMAT, "in/events.jsonl", null, line);
  }

  private static RecordingSink csv(String header, String row) {
    return parse(FORMAT, "in/events.csv", header, row);
  }

  private static RecordingSink parse(LineFormat format, String source, String header, String line) {
    RecordingSink sink = new RecordingSink();
    format.parse(source, 42, line, header, sink);
    return sink;
  }

  private static void assertRejected(RecordingSink sink, String reason, String detail) {
    RecordingSink.Rejection rejection = sink.onlyRejection();
    assertEquals(reason, rejection.reason());
    assertEquals(detail, rejection.detail());
    assertNull(rejection.raw());
  }

  @Test
  void acceptsAJsonEventWithEveryField() {
    Event event =
        json("{\"event_id\":\"e1\",\"type\":\"Reply\",\"actor\":\"a\",\"target\":\"b\","
                + "\"post_id\":\"p2\",\"parent_id\":\"p1\",\"ts\":\"2020-09-13T12:26:40Z\","
                + "\"extra\":{\"nested\":[1,{\"x\":2}]},\"more\":true}")
            .onlyEvent();
    assertEquals(new Event("e1", "reply", "a", "b", "p2", "p1", T, "in/events.jsonl", 42L), event);
  }

  @Test
  void leavesTheIdNullWhenAbsent() {
    Event event =
        json("{\"type\":\"like\",\"actor\":\"a\",\"target\":\"b\",\"ts\":1600000000}").onlyEvent();
    assertNull(event.getEventId());
    assertNull(event.getPostId());
    assertNull(event.getParentId());
    assertEquals(T, event.getTs());
  }

  @Test
  void ignoresTheTargetOfAPost() {
    assertNull(
        json("{\"type\":\"post\",\"actor\":\"a\",\"target\":\"b\",\"ts\":1600000000}")
            .onlyEvent()
            .getTarget());
    assertNull(
        json("{\"type\":\"post\",\"actor\":\"a\",\"ts\":1600000000}").onlyEvent().getTarget());
  }

  @Test
  void takesIntegerNumbersAsTheirDigits() {
    Event event =
        json("{\"event_id\":7,\"type\":\"message\",\"actor\":12,\"target\":-3,\"ts\":1600000000000}")
            .onlyEvent();
    assertEquals("7", event.getEventId());
    assertEquals("12", event.getActor());
    assertEquals("-3", event.getTarget());
    assertEquals(T, event.getTs());
  }

  @ParameterizedTest
  @ValueSource(strings = {"12.5", "1e3", "\"\"", "true", "null", "{}", "[\"a\"]"})
  void countsOtherValuesAsMissing(String actor) {
    assertRejected(
        json("{\"type\":\"follow\",\"actor\":" + actor + ",\"target\":\"b\",\"ts\":1600000000}"),
        Reasons.MISSING_FIELD,
        "actor");
  }

  @Test
  void countsAFloatTimestampAsMissing() {
    assertRejected(
        json("{\"type\":\"follow\",\"actor\":\"a\",\"target\":\"b\",\"ts\":1600000000.0}"),
        Reasons.MISSING_FIELD,
        "ts");
  }

  @Test
  void rejectsANegativeEpochAsABadTimestamp() {
    assertRejected(
        json("{\"type\":\"follow\",\"actor\":\"a\",\"target\":\"b\",\"ts\":-1600000000}"),
        Reasons.BAD_TIMESTAMP,
        "ts '-1600000000'");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "[1,2]|not a JSON object",
        "\"follow\"|not a JSON object",
        "12|not a JSON object",
        "{\"type\":\"follow\"} {}|text after the JSON object",
        // Invalid JSON in words, near the 1-based character where the parser stopped: the bad
        // character, or a bad token's end.
        "{\"type\":\"follow\"|invalid JSON: it ends inside an object, array or string",
        "{\"type\":follow}|invalid JSON near character 14: unrecognized token 'follow'",
        "{\"type\":\"fo\u0001\"}|invalid JSON near character 12: a control character (code 1) must"
            + " be escaped inside a string",
        "{\"type\":1,\"type\":2}|invalid JSON: field 'type' appears twice",
        "{\"type\":NaN}|invalid JSON near character 11: non-standard token 'NaN'",
        "{'type':1}|invalid JSON near character 2: unexpected character (''')",
        "{\"a\":1]|invalid JSON near character 7: unexpected close marker ']'",
      })
  void rejectsWhatIsNotOneJsonObjectSayingWhy(String line, String detail) {
    assertRejected(json(line), Reasons.UNPARSABLE, detail);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"follow\"",
        "{\"type\":follow}",
        "{\"type\":\"follow\"} x",
        "{\"type\":\"follow\",\"type\":\"like\",\"actor\":\"a\",\"target\":\"b\",\"ts\":1}",
        "not json"
      })
  void rejectsInvalidJson(String line) {
    RecordingSink.Rejection rejection = json(line).onlyRejection();
    assertEquals(Reasons.UNPARSABLE, rejection.reason());
    assertTrue(rejection.detail().startsWith("invalid JSON"), rejection.detail());
    // In words: never the parser's own hints (its source description, features, char codes).
    for (String hint : List.of("Source", "REDACTED", "Feature", "`", "code ", "was expecting")) {
      assertFalse(rejection.detail().contains(hint), hint + " in " + rejection.detail());
    }
  }

  @Test
  void aLoneSurrogateEscapeIsUnparsableNotReplaced() {
    // Java keeps "\uD83D" alone, but UTF-8 has no form for it: written out it would become '?',
    // and "a\uD83D" would be the same account as "a\uD83E".
    assertRejected(
        json("{\"type\":\"message\",\"actor\":\"a\\uD83D\",\"target\":\"b\",\"ts\":1600000000}"),
        Reasons.UNPARSABLE,
        "actor: not valid Unicode (a lone surrogate \\uD83D at character 2)");
    assertRejected(
        json("{\"type\":\"message\",\"actor\":\"a\",\"target\":\"\\uDE00b\",\"ts\":1600000000}"),
        Reasons.UNPARSABLE,
        "target: not valid Unicode (a lone surrogate \\uDE00 at character 1)");
    // A pair written as two escapes is one valid character.
    assertEquals(
        "a\uD83D\uDE00",
        json("{\"type\":\"message\",\"actor\":\"a\\uD83D\\uDE00\",\"target\":\"b\",\"ts\":1600000000}")
            .onlyEvent()
            .getActor());
  }

  @Test
  void aQuoteInsideAnUnquotedCsvFieldIsKeptAsACharacter() {
    // As Commons CSV, Excel and Python's csv module read it; the id stays byte for byte.
    assertEquals(
        "a\"x", csv("type,actor,target,ts", "follow,a\"x,b,1600000000").onlyEvent().getActor());
  }

  @Test
  void namesEveryReasonWithItsDetail() {
    assertRejected(
        json("{\"actor\":\"a\",\"target\":\"b\",\"ts\":1600000000}"),
        Reasons.MISSING_FIELD,
        "type");
    assertRejected(
        json("{\"type\":\" follow\",\"actor\":\"a\",\"target\":\"b\",\"ts\":1600000000}"),
        Reasons.UNKNOWN_TYPE,
        "type ' follow'");
    assertRejected(
        json("{\"type\":\"follow\",\"target\":\"b\",\"ts\":1600000000}"),
        Reasons.MISSING_FIELD,
        "actor");
    assertRejected(
        json("{\"type\":\"reply\",\"actor\":\"a\",\"ts\":1600000000}"),
        Reasons.MISSING_FIELD,
        "target");
    assertRejected(
        json("{\"type\":\"follow\",\"actor\":\"a\",\"target\":\"b\"}"),
        Reasons.MISSING_FIELD,
        "ts");
    assertRejected(
        json(
            "{\"type\":\"follow\",\"actor\":\"a\",\"target\":\"b\",\"ts\":\"2020-09-13T12:26:40\"}"),
        Reasons.BAD_TIMESTAMP,
        "ts '2020-09-13T12:26:40'");
    assertRejected(
        json("{\"type\":\"unfollow\",\"actor\":\"a\",\"target\":\"a\",\"ts\":1600000000}"),
        Reasons.SELF_FOLLOW,
        "actor and target 'a'");
    assertRejected(
        json(
            "{\"type\":\"follow\",\"actor\":\"a\",\"target\":\"b\",\"ts\":\"1999-12-31T23:59:59Z\"}"),
        Reasons.TS_OUT_OF_RANGE,
        "ts 1999-12-31T23:59:59Z before not_before 2000-01-01T00:00:00Z");
  }

  @ParameterizedTest
  @ValueSource(strings = {"reply", "quote", "reshare", "like"})
  void leavesTheTargetToTheParentPostWhenOnlyTheParentIsNamed(String type) {
    // The pipeline resolves it from the post whose post_id is p1; the record is fine as it is.
    Event event =
        json("{\"type\":\"" + type + "\",\"actor\":\"a\",\"parent_id\":\"p1\",\"ts\":1600000000}")
            .onlyEvent();
    assertEquals(new Event(null, type, "a", null, null, "p1", T, "in/events.jsonl", 42L), event);
  }

  @ParameterizedTest
  @ValueSource(strings = {"mention", "message", "follow", "unfollow"})
  void rejectsAMissingTargetThatNoParentPostCouldGive(String type) {
    // A mention or a message names no post; a follow's parent_id is nobody's post.
    assertRejected(
        json("{\"type\":\"" + type + "\",\"actor\":\"a\",\"parent_id\":\"p1\",\"ts\":1600000000}"),
        Reasons.MISSING_FIELD,
        "target");
  }

  @Test
  void allowsSelfInteractionsOtherThanFollows() {
    assertEquals(
        "a",
        json("{\"type\":\"mention\",\"actor\":\"a\",\"target\":\"a\",\"ts\":1600000000}")
            .onlyEvent()
            .getTarget());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        // fails missing type and has a bad timestamp
        "{\"actor\":\"a\",\"target\":\"b\",\"ts\":\"x\"}|missing_field|type",
        // unknown type and no actor
        "{\"type\":\"poke\",\"ts\":1600000000}|unknown_type|type 'poke'",
        // no actor and no target
        "{\"type\":\"follow\",\"ts\":1600000000}|missing_field|actor",
        // no target and no ts
        "{\"type\":\"quote\",\"actor\":\"a\"}|missing_field|target",
        // no ts on a self-follow
        "{\"type\":\"follow\",\"actor\":\"a\",\"target\":\"a\"}|missing_field|ts",
        // bad timestamp on a self-follow
        "{\"type\":\"follow\",\"actor\":\"a\",\"target\":\"a\",\"ts\":\"soon\"}|bad_timestamp|ts"
            + " 'soon'",
        // self-follow out of range
        "{\"type\":\"follow\",\"actor\":\"a\",\"target\":\"a\",\"ts\":5}|self_follow|actor and"
            + " target 'a'",
      })
  void reportsTheFirstFailingCheck(String line, String reason, String detail) {
    assertRejected(json(line), reason, detail);
  }

  @Test
  void truncatesLongValuesInTheDetail() {
    String type = "x".repeat(100);
    assertRejected(
        json("{\"type\":\"" + type + "\"}"),
        Reasons.UNKNOWN_TYPE,
        "type '" + "x".repeat(64) + "…'");
  }

  @Test
  void includesBothTimeBounds() {
    CanonicalEvents bounded = new CanonicalEvents(new TimeBounds(T, T + 1));
    String line = "{\"type\":\"like\",\"actor\":\"a\",\"target\":\"b\",\"ts\":\"%s\"}";
    assertEquals(
        T,
        parse(bounded, "e.json", null, line.formatted("2020-09-13T12:26:40Z")).onlyEvent().getTs());
    assertEquals(
        T + 1,
        parse(bounded, "e.json", null, line.formatted("2020-09-13T12:26:40.000001Z"))
            .onlyEvent()
            .getTs());
    assertRejected(
        parse(bounded, "e.json", null, line.formatted("2020-09-13T12:26:40.000002Z")),
        Reasons.TS_OUT_OF_RANGE,
        "ts 2020-09-13T12:26:40.000002Z after not_after 2020-09-13T12:26:40.000001Z");
    assertRejected(
        parse(bounded, "e.json", null, line.formatted("2020-09-13T12:26:39.999999Z")),
        Reasons.TS_OUT_OF_RANGE,
        "ts 2020-09-13T12:26:39.999999Z before not_before 2020-09-13T12:26:40Z");
  }

  @ParameterizedTest
  @CsvSource({
    "events.csv,true",
    "dir.json/events.CSV,true",
    "events.csv.gz,true",
    "events.csv.bz2,true",
    "events.csv.zst,true",
    "events.jsonl,false",
    "events.jsonl.gz,false",
    "events.csv.tar,false",
    "events.csv.gz.bak,false",
    "dir.csv/events.jsonl,false",
  })
  void readsCsvByTheFileName(String source, boolean csv) {
    assertEquals(csv, FORMAT.hasHeader(source));
  }

  @Test
  void readsCsvColumnsByHeaderNameInAnyOrder() {
    Event event =
        csv("ts,note,actor,type,target,parent_id,event_id,post_id", "1600000000,hi,a,FOLLOW,b,,,")
            .onlyEvent();
    assertEquals(new Event(null, "follow", "a", "b", null, null, T, "in/events.csv", 42L), event);
  }

  @Test
  void readsQuotedCsvFields() {
    Event event =
        csv("type,actor,target,ts,post_id", "reply,\"a,b\",\"say \"\"hi\"\"\",\"1600000000\",\"\"")
            .onlyEvent();
    assertEquals("a,b", event.getActor());
    assertEquals("say \"hi\"", event.getTarget());
    assertNull(event.getPostId());
  }

  @Test
  void appliesTheSameChecksToCsv() {
    assertRejected(csv("type,actor,target,ts", ",a,b,1600000000"), Reasons.MISSING_FIELD, "type");
    assertRejected(
        csv("type,actor,target,ts", "follow,a,a,1600000000"),
        Reasons.SELF_FOLLOW,
        "actor and target 'a'");
    // The header has no target column: the detail says so and names the columns it has.
    assertRejected(
        csv("type,actor,ts", "like,a,1600000000"),
        Reasons.MISSING_FIELD,
        "target: the header has no column 'target'; its 3 columns: 'type', 'actor', 'ts'");
    assertRejected(
        csv("type,actor,target,ts", " follow,a,b,1600000000"),
        Reasons.UNKNOWN_TYPE,
        "type ' follow'");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "follow,a,b|expected 4 columns as in the header, found 3",
        "follow,a,b,1600000000,|expected 4 columns as in the header, found 5",
        "follow,\"a,b,1600000000|a quoted field is not closed",
        "follow,\"a\"x,b,1600000000|text after the closing quote of a field",
        "follow,a,b,1600000000\r"
            + "9|a carriage return outside quotes splits the record (old Mac line endings?)",
        // checked before anything else: this row also lacks its type
        ",a|expected 4 columns as in the header, found 2",
      })
  void rejectsMalformedCsvRows(String row, String detail) {
    assertRejected(csv("type,actor,target,ts", row), Reasons.UNPARSABLE, detail);
  }

  @Test
  void rejectsRowsOfAnUnusableHeader() {
    assertRejected(
        csv("type,actor,actor,target,ts", "follow,a,a,b,1"),
        Reasons.UNPARSABLE,
        "header: column 'actor' appears twice");
    assertRejected(
        csv("type,\"actor", "follow,a"),
        Reasons.UNPARSABLE,
        "header: a quoted field is not closed");
    assertEquals(
        "a",
        csv("type,actor,note,target,ts,note", "follow,a,x,b,1600000000,y").onlyEvent().getActor());
  }

  @Test
  void followsTheHeaderOfEachFile() {
    assertEquals("a", csv("type,actor,target,ts", "follow,a,b,1600000000").onlyEvent().getActor());
    assertEquals("b", csv("type,target,actor,ts", "follow,a,b,1600000000").onlyEvent().getActor());
  }

  @Test
  void refusesACsvRowWithoutItsHeader() {
    assertThrows(IllegalArgumentException.class, () -> csv(null, "follow,a,b,1"));
  }

  @Test
  void hasNoHashCommentsAndNoHeaderForJson() {
    assertFalse(FORMAT.skipsHashComments());
    assertFalse(FORMAT.hasHeader("events.jsonl"));
  }
}
