package org.dunbar.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The parse of a JSON object line that keeps only the fields a format reads ({@link
 * JsonRecord#parse}), on hand-made lines.
 */
class JsonRecordTest {
  private static final ObjectMapper JACKSON = new ObjectMapper();

  /** A Jetstream-shaped line with something of every JSON kind, kept and passed over. */
  private static final String LINE =
      "{\"did\":\"did:plc:ann\",\"time_us\":1718000000000000,\"kind\":\"commit\","
          + "\"commit\":{\"rev\":\"3l\",\"operation\":\"create\",\"record\":{\"text\":\"hi"
          + " \\u00e9\",\"langs\":[\"en\",\"fr\"],\"n\":7,\"big\":123456789012345678901,"
          + "\"f\":1.50,\"t\":true,\"no\":false,\"nil\":null,"
          + "\"facets\":[{\"index\":{\"byteStart\":0},\"features\":[{\"did\":\"did:plc:bob\"}]}]}}}";

  @Test
  void keepsOnlyTheFieldsReadAtAnyDepth() throws Exception {
    assertEquals(
        JACKSON.readTree(
            "{\"did\":\"did:plc:ann\",\"commit\":{\"record\":{"
                + "\"facets\":[{\"features\":[{\"did\":\"did:plc:bob\"}]}]}}}"),
        parse(LINE, Set.of("did", "commit", "record", "facets", "features")));
  }

  @Test
  void whatItKeepsIsJacksonsOwnTree() throws Exception {
    Set<String> every =
        Set.of(
            "did",
            "time_us",
            "kind",
            "commit",
            "rev",
            "operation",
            "record",
            "text",
            "langs",
            "n",
            "big",
            "f",
            "t",
            "no",
            "nil",
            "facets",
            "index",
            "byteStart",
            "features");
    assertEquals(JACKSON.readTree(LINE), parse(LINE, every));
  }

  @Test
  void aKeyRepeatedAnywhereMakesTheLineUnparsable() throws Exception {
    // Kept, passed over, and in an object too large to compare keys one by one.
    assertEquals(
        "invalid JSON: field 'did' appears twice",
        rejection("{\"did\":\"a\",\"kind\":\"commit\",\"did\":\"b\"}").detail());
    assertEquals(
        "invalid JSON: field 'byteStart' appears twice",
        rejection("{\"did\":\"a\",\"index\":{\"byteStart\":0,\"byteStart\":1}}").detail());
    String many =
        IntStream.range(0, 40)
            .mapToObj(i -> "\"k" + i + "\":" + i)
            .collect(Collectors.joining(","));
    assertEquals(
        "invalid JSON: field 'k3' appears twice",
        rejection("{\"other\":{" + many + ",\"k3\":0}}").detail());
    // The same key in two objects is no repeat.
    assertEquals(2, parse("{\"did\":\"a\",\"x\":{\"did\":\"b\"}}", Set.of("did", "x")).size());
  }

  @Test
  void aLineThatIsNotExactlyOneObjectIsUnparsable() {
    assertEquals("not a JSON object", rejection("[1,2]").detail());
    assertEquals("not a JSON object", rejection("\"RC_2023-03\"").detail());
    assertEquals(
        "invalid JSON: text after the JSON object", rejection("{\"did\":\"a\"} {}").detail());
    // A fault inside a value that is passed over is still found, and placed.
    assertEquals(
        "invalid JSON near byte 22: unrecognized token 'x'",
        rejection("{\"did\":\"a\",\"other\":[x]}").detail());
    assertEquals(
        "invalid JSON: it ends inside an object, array or string",
        rejection("{\"did\":\"a\",\"other\":{").detail());
    RecordRejection rejection = rejection("{\"did\":\"a\",\"other\":{\"text\":\"\u0001\"}}");
    assertEquals(Reasons.UNPARSABLE, rejection.reason());
    assertEquals(
        "invalid JSON near byte 29: a control character (code 1) must be escaped inside a string",
        rejection.detail());
  }

  @Test
  void nestingPastJacksonsLimitIsUnparsableNotAStackOverflow() {
    String deep = "[".repeat(5_000) + "]".repeat(5_000);
    RecordRejection r = rejection("{\"did\":\"a\",\"other\":" + deep + "}");
    assertTrue(r.detail().startsWith("invalid JSON"), r.detail());
    assertTrue(r.detail().contains("1000"), r.detail());
  }

  private static JsonNode parse(String line, Set<String> read) throws RecordRejection {
    return JsonRecord.parse(line.getBytes(StandardCharsets.UTF_8), read);
  }

  private static RecordRejection rejection(String line) {
    RecordRejection r = assertThrows(RecordRejection.class, () -> parse(line, Set.of("did")));
    assertEquals(Reasons.UNPARSABLE, r.reason());
    return r;
  }
}
