package org.dunbar.formats;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a decompressed input stream into numbered physical lines, skipping blank ones.
 *
 * <p>Lines end at '\n' or at the end of the stream; one '\r' at the end of a line is part of its
 * terminator. A UTF-8 byte order mark at the very start of the stream is dropped, since editors and
 * spreadsheet exports add it and it would otherwise spoil the first record or CSV header. Memory
 * stays bounded whatever the input: at most {@link #MAX_LINE_BYTES} + 1 bytes of one line are held
 * while it is read.
 */
public final class NumberedLineReader implements Closeable {
  /** Longest accepted line, terminator excluded; longer lines are rejected as line_too_long. */
  public static final int MAX_LINE_BYTES = 1 << 20;

  // One byte past the limit, so that a '\r' right after a line of exactly the limit is still seen.
  private static final int HELD_BYTES = MAX_LINE_BYTES + 1;

  private final InputStream in;
  private final byte[] buffer = new byte[64 * 1024];
  private int position;
  private int limit;
  private boolean started;
  private long lineNumber;

  // The line being read: the first bytes held, its full length and whether it is all whitespace.
  private byte[] line = new byte[1024];
  private int held;
  private long length;
  private boolean blank;

  public NumberedLineReader(InputStream in) {
    this.in = in;
  }

  /** The next non-blank line, or null at the end of the stream. */
  public NumberedLine next() throws IOException {
    if (!started) {
      skipByteOrderMark();
      started = true;
    }
    while (readLine()) {
      lineNumber++;
      if (!blank) {
        boolean tooLong = length > MAX_LINE_BYTES;
        int kept = tooLong ? RawText.MAX_BYTES + RawText.MAX_CHAR_BYTES : held;
        return new NumberedLine(lineNumber, Arrays.copyOf(line, kept), tooLong);
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** Reads one physical line into the line state; false when the stream has ended. */
  private boolean readLine() throws IOException {
    held = 0;
    length = 0;
    blank = true;
    boolean endsWithReturn = false;
    boolean seen = false;
    while (position < limit || fill()) {
      seen = true;
      int start = position;
      int newline = indexOfNewline(start);
      int end = newline < 0 ? limit : newline;
      if (end > start) {
        blank = blank && isBlank(start, end);
        hold(start, end);
        length += end - start;
        endsWithReturn = buffer[end - 1] == '\r';
      }
      if (newline >= 0) {
        position = newline + 1;
        break;
      }
      position = limit;
    }
    if (endsWithReturn) {
      length--;
      held = (int) Math.min(held, length);
    }
    return seen;
  }

  private void skipByteOrderMark() throws IOException {
    while (limit < 3) {
      int n = in.read(buffer, limit, buffer.length - limit);
      if (n < 0) {
        return;
      }
      limit += n;
    }
    if ((buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
      position = 3;
    }
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    position = 0;
    limit = Math.max(n, 0);
    return n > 0;
  }

  private int indexOfNewline(int from) {
    for (int i = from; i < limit; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private boolean isBlank(int start, int end) {
    for (int i = start; i < end; i++) {
      if (!Tokens.isSpace(buffer[i])) {
        return false;
      }
    }
    return true;
  }

  /** Appends buffer[start, end) to the held line as far as {@link #HELD_BYTES} allows. */
  private void hold(int start, int end) {
    int count = Math.min(end - start, HELD_BYTES - held);
    if (count <= 0) {
      return;
    }
    if (held + count > line.length) {
      line = Arrays.copyOf(line, Math.min(HELD_BYTES, Math.max(held + count, 2 * line.length)));
    }
    System.arraycopy(buffer, start, line, held, count);
    held += count;
  }
}
