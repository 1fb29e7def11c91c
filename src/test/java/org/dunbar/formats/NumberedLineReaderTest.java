package org.dunbar.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
  private static final int LIMIT = NumberedLineReader.MAX_LINE_BYTES;

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
