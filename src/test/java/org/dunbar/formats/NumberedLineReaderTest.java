package org.dunbar.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumberedLineReaderTest {
  private static final int LIMIT = NumberedLineReader.DEFAULT_MAX_LINE_BYTES;

  private static List<String> read(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    try (NumberedLineReader reader = new NumberedLineReader(in)) {
      for (NumberedLine line = reader.next(); line != null; line = reader.next()) {
        assertFalse(line.tooLong());
        lines.add(line.number() + ":" + new String(line.bytes(), StandardCharsets.UTF_8));
      }
    }
    return lines;
  }

  private static List<String> read(String text) throws IOException {
    return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void stripsOneCarriageReturnBeforeTheNewline() throws IOException {
    assertEquals(List.of("1:a", "2:b\r", "3:c"), read("a\r\nb\r\r\nc\r\n"));
  }

  @Test
  void skipsBlankLinesButCountsThem() throws IOException {
    assertEquals(List.of("2:a", "5:b", "7: x"), read("\na\n \t\r\n\r\nb\n\n x\n   "));
  }

  @Test
  void returnsTheLastLineWithoutNewline() throws IOException {
    assertEquals(List.of("1:a", "2:last"), read("a\nlast"));
    assertEquals(List.of("1:only"), read("only\r"));
  }

  @Test
  void readsNothingFromAnEmptyStream() throws IOException {
    assertEquals(List.of(), read(""));
    assertEquals(List.of(), read("\n\n"));
  }

  @Test
  void dropsAByteOrderMarkOnlyAtTheStart() throws IOException {
    assertEquals(List.of("1:a", "2:\uFEFFb"), read("\uFEFFa\n\uFEFFb"));
    assertEquals(List.of(), read("\uFEFF"));
    assertEquals(List.of("1:\u00EF"), read("\u00EF"));
  }

  @Test
  void keepsNonAsciiBytesAndSplitsLinesAcrossBufferRefills() throws IOException {
    StringBuilder text = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 20_000; i++) {
      String line = "l\u00E9" + i;
      text.append(line).append(i % 2 == 0 ? "\r\n" : "\n");
      expected.add(i + ":" + line);
    }
    assertEquals(expected, read(text.toString()));
  }

  @Test
  void readsAStreamThatDeliversOneByteAtATime() throws IOException {
    byte[] bytes = "\uFEFFab\r\n\ncd".getBytes(StandardCharsets.UTF_8);
    InputStream trickle =
        new ByteArrayInputStream(bytes) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 1));
          }
        };
    assertEquals(List.of("1:ab", "3:cd"), read(trickle));
  }

  @Test
  void aLineOfExactlyTheLimitIsNotTooLong() throws IOException {
    byte[] line = filled(LIMIT, (byte) 'a');
    for (String terminator : List.of("", "\n", "\r\n")) {
      try (NumberedLineReader reader = new NumberedLineReader(stream(line, terminator))) {
        NumberedLine only = reader.next();
        assertFalse(only.tooLong(), "terminator of " + terminator.length() + " bytes");
        assertArrayEquals(line, only.bytes());
        assertNull(reader.next());
      }
    }
  }

  @Test
  void aLineOneByteOverTheLimitIsTooLongAndKeepsOnlyAPrefix() throws IOException {
    byte[] line = filled(LIMIT + 1, (byte) 'b');
    line[0] = 'X';
    try (NumberedLineReader reader = new NumberedLineReader(stream(line, "\r\nnext\n"))) {
      NumberedLine first = reader.next();
      assertTrue(first.tooLong());
      assertEquals(1, first.number());
      assertEquals(RawText.MAX_BYTES + RawText.MAX_CHAR_BYTES, first.bytes().length);
      assertEquals('X', first.bytes()[0]);
      assertTrue(RawText.of(first.bytes()).truncated());
      NumberedLine second = reader.next();
      assertEquals(2, second.number());
      assertEquals("next", new String(second.bytes(), StandardCharsets.US_ASCII));
      assertNull(reader.next());
    }
  }

  @Test
  void aWhitespaceOnlyLineOverTheLimitIsBlank() throws IOException {
    try (NumberedLineReader reader =
        new NumberedLineReader(stream(filled(LIMIT + 10, (byte) ' '), "\nx"))) {
      NumberedLine line = reader.next();
      assertEquals(2, line.number());
      assertFalse(line.tooLong());
    }
  }

  @Test
  void aLineLongerThanAnyArrayIsReadInBoundedMemory() throws IOException {
    // Past Integer.MAX_VALUE bytes: a reader that held the whole line, or counted it in an int,
    // could not get through it.
    long length = Integer.MAX_VALUE + 4096L;
    InputStream endless =
        new InputStream() {
          private long left = length;

          @Override
          public int read() {
            return left-- > 0 ? 'q' : -1;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            if (left <= 0) {
              return -1;
            }
            int n = (int) Math.min(len, left);
            Arrays.fill(b, off, off + n, (byte) 'q');
            left -= n;
            return n;
          }
        };
    try (NumberedLineReader reader =
        new NumberedLineReader(new SequenceInputStream(endless, stream(new byte[0], "\nend")))) {
      NumberedLine line = reader.next();
      assertTrue(line.tooLong());
      assertEquals(RawText.MAX_BYTES + RawText.MAX_CHAR_BYTES, line.bytes().length);
      NumberedLine end = reader.next();
      assertEquals(2, end.number());
      assertFalse(end.tooLong());
    }
  }

  /** Records as "number:text", for a framing and limit. */
  private static List<String> read(String text, Framing framing, int maxBytes) throws IOException {
    List<String> records = new ArrayList<>();
    try (NumberedLineReader reader =
        new NumberedLineReader(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), framing, maxBytes)) {
      for (NumberedLine line = reader.next(); line != null; line = reader.next()) {
        String shown =
            line.tooLong()
                ? "too long (" + line.length() + " bytes)"
                : new String(line.bytes(), StandardCharsets.UTF_8);
        if (!line.tooLong()) {
          assertEquals(
              line.bytes().length, line.length(), "the length of a whole record is its bytes");
        }
        records.add(line.number() + ":" + shown);
      }
    }
    return records;
  }

  private static List<String> json(String text) throws IOException {
    return read(text, Framing.JSON, LIMIT);
  }

  private static List<String> csv(String text, char delimiter) throws IOException {
    return read(text, Framing.csv(delimiter), LIMIT);
  }

  @Test
  void aPrettyPrintedJsonDocumentIsOneRecordNumberedByItsFirstLine() throws IOException {
    String pretty = "\n[\n  {\"a\": \"x]\\\"}\"},\r\n  {\"b\": [1,\n 2]}\n]\n\n{\"c\":\n1}\n";
    // Line 1 is blank; the array runs from line 2 to 6 (a ']' and an escaped quote inside a string
    // do not end it); line 7 is blank; the next document is lines 8-9.
    assertEquals(
        List.of("2:[\n  {\"a\": \"x]\\\"}\"},\r\n  {\"b\": [1,\n 2]}\n]", "8:{\"c\":\n1}"),
        json(pretty));
  }

  @Test
  void jsonLinesStayLinesUnlessTheFirstLineOnlyOpensADocument() throws IOException {
    // The first line is a whole value, so each line is a record: the broken line 2 costs only
    // itself.
    assertEquals(
        List.of("1:{\"a\":1}", "2:{\"b\":[", "3:{\"c\":3}", "4:[1,2]"),
        json("{\"a\":1}\n{\"b\":[\n{\"c\":3}\r\n[1,2]"));
    // A first line cut mid-record is one bad line too, not the start of a document.
    assertEquals(
        List.of("1:{\"a\":", "2:{\"b\":2}", "3:{\"c\":3}"),
        json("{\"a\":\n{\"b\":2}\n{\"c\":3}\n"));
    // A pretty-printer's first line: "[", "{" or Jackson's "[ {".
    assertEquals(
        List.of("1:[ {\n  \"a\" : 1\n} ]", "4:{\n}"), json("[ {\n  \"a\" : 1\n} ]\n{\n}\n"));
    // A stray closer cannot swallow the rest of a file of documents either.
    assertEquals(List.of("1:[\n]]", "3:{}"), json("[\n]]\n{}\n"));
  }

  @Test
  void anUnfinishedJsonDocumentRunsToTheEndOfTheFile() throws IOException {
    // Its line breaks are all inside it, the last two included: 1 + 1 + 7 + 1 + 1 + 1 = 12 bytes.
    assertEquals(List.of("1:[\n{\"a\":1},\n\n"), json("[\n{\"a\":1},\n\n"));
    assertEquals(List.of("1:too long (12 bytes)"), read("[\n{\"a\":1},\n\n", Framing.JSON, 10));
  }

  @Test
  void aCsvRecordSpansLinesInsideQuotesOnly() throws IOException {
    String text =
        "\uFEFFid,text\r\n"
            + "1,\"hi, there\"\r\n"
            + "2,\"first line\n"
            + "second line\"\r\n\r\n"
            + "3,\"a \"\"quoted\"\"\n\n"
            + "word\"\r\n"
            + "4,x\"y\n"
            + "5,\"\"\n";
    // The BOM is dropped; record 2 is lines 3-4; line 5 is blank; record 3 is lines 6-8 (a blank
    // line inside quotes is part of it; a doubled quote does not close it); a quote inside an
    // unquoted field (record 4) opens nothing.
    assertEquals(
        List.of(
            "1:id,text",
            "2:1,\"hi, there\"",
            "3:2,\"first line\nsecond line\"",
            "6:3,\"a \"\"quoted\"\"\n\nword\"",
            "9:4,x\"y",
            "10:5,\"\""),
        csv(text, ','));
  }

  @Test
  void theCsvDelimiterDecidesWhereAFieldStarts() throws IOException {
    // With ';' the quote after ',' is inside an unquoted field: it opens nothing.
    assertEquals(List.of("1:a;b,\"c", "2:d\""), csv("a;b,\"c\nd\"\n", ';'));
    assertEquals(List.of("1:a;\"b\nc\""), csv("a;\"b\nc\"\n", ';'));
    assertEquals(List.of("1:a\t\"b\nc\"", "3:d"), csv("a\t\"b\nc\"\nd", '\t'));
  }

  @Test
  void anUnterminatedCsvQuoteRunsToTheEndAndIsTooLongPastTheLimit() throws IOException {
    assertEquals(List.of("1:a,b", "2:c,\"d\ne,f\n\n"), csv("a,b\nc,\"d\ne,f\n\n", ','));
    // 'c,"d' + '\n' + 'e,f' + '\n' + '\n': 10 bytes, all inside the open quote.
    assertEquals(
        List.of("1:a,b", "2:too long (10 bytes)"),
        read("a,b\nc,\"d\ne,f\n\n", Framing.csv(','), 9));
  }

  @Test
  void recordsOverLinesCrossTheReadBuffersWhole() throws IOException {
    // A quoted CSV field and a pretty-printed document of about 300 KB each: several 64 KiB
    // refills of the reader's buffer, every one inside the record.
    String lines = "line\n".repeat(60_000);
    String csv = "a,text\n1,\"" + lines + "\"\n2,x\n";
    try (NumberedLineReader reader =
        new NumberedLineReader(
            new ByteArrayInputStream(csv.getBytes(StandardCharsets.US_ASCII)),
            Framing.csv(','),
            LIMIT)) {
      assertEquals(1, reader.next().number());
      NumberedLine big = reader.next();
      // "1," + quote + 60,000 lines of 5 bytes + quote: 300,004 bytes, lines 2 to 60,002.
      assertEquals(2, big.number());
      assertEquals(300_004, big.length());
      assertEquals(60_002, reader.linesRead());
      assertEquals(60_003, reader.next().number());
    }
    String json = "[\n" + "  {\"a\": 1},\n".repeat(25_000) + "  {}\n]\n{}\n";
    try (NumberedLineReader reader =
        new NumberedLineReader(
            new ByteArrayInputStream(json.getBytes(StandardCharsets.US_ASCII)),
            Framing.JSON,
            LIMIT)) {
      NumberedLine doc = reader.next();
      // "[\n", 25,000 lines of 12 bytes (their line breaks included), "  {}\n", "]": 300,008.
      assertEquals(2 + 25_000 * 12 + 5 + 1, doc.length());
      assertEquals(25_004, reader.next().number());
    }
  }

  @Test
  void theLimitIsTheInputs() throws IOException {
    assertEquals(
        List.of("1:12345", "2:too long (6 bytes)", "3:x"),
        read("12345\n123456\nx", Framing.LINES, 5));
    // A page format's 64 MiB is one such limit.
    byte[] page = filled(2 * LIMIT, (byte) 'p');
    try (NumberedLineReader reader =
        new NumberedLineReader(
            new ByteArrayInputStream(page),
            Framing.LINES,
            NumberedLineReader.DEFAULT_MAX_PAGE_BYTES)) {
      NumberedLine line = reader.next();
      assertFalse(line.tooLong());
      assertEquals(2L * LIMIT, line.length());
      assertArrayEquals(page, line.bytes());
    }
  }

  @Test
  void countsTheLinesReadWholeSoFar() throws IOException {
    InputStream failing =
        new SequenceInputStream(
            new ByteArrayInputStream("a\n\"b\nc\n".getBytes(StandardCharsets.US_ASCII)),
            new InputStream() {
              @Override
              public int read() throws IOException {
                throw new IOException("cut");
              }
            });
    try (NumberedLineReader reader = new NumberedLineReader(failing, Framing.csv(','), LIMIT)) {
      assertEquals("a", new String(reader.next().bytes(), StandardCharsets.US_ASCII));
      assertEquals(1, reader.linesRead());
      // The second record's lines 2 and 3 are read whole before the stream fails inside it.
      assertThrows(IOException.class, reader::next);
      assertEquals(3, reader.linesRead());
    }
  }

  private static byte[] filled(int length, byte value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, value);
    return bytes;
  }

  private static byte[] concat(byte[] head, String tail) {
    byte[] tailBytes = tail.getBytes(StandardCharsets.US_ASCII);
    byte[] all = Arrays.copyOf(head, head.length + tailBytes.length);
    System.arraycopy(tailBytes, 0, all, head.length, tailBytes.length);
    return all;
  }

  private static InputStream stream(byte[] head, String tail) {
    return new ByteArrayInputStream(concat(head, tail));
  }
}
