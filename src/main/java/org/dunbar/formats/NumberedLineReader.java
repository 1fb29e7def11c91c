package org.dunbar.formats;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a decompressed input stream into numbered records, skipping blank ones, by the file's
 * {@link Framing}: physical lines, JSON values that may span lines, or RFC 4180 CSV records.
 *
 * <p>Lines end at '\n' or at the end of the stream; one '\r' at the end of a record is part of its
 * terminator (line breaks inside a record, in a quoted CSV field or a pretty-printed JSON document,
 * are kept as they are). A UTF-8 byte order mark at the very start of the stream is dropped, since
 * editors and spreadsheet exports add it and it would otherwise spoil the first record or CSV
 * header. Memory stays bounded whatever the input: at most the limit + 1 bytes of one record are
 * held while it is read; a longer record is reported as too long, with a prefix for its raw text.
 */
public final class NumberedLineReader implements Closeable {
  /** The SPEC's default max_line_bytes for formats with one record a line: 1 MiB. */
  public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

  /** The SPEC's default max_line_bytes for formats whose line is an API page of records: 64 MiB. */
  public static final int DEFAULT_MAX_PAGE_BYTES = 64 << 20;

  /** The largest max_line_bytes a reader accepts: a record is held in one array and one string. */
  public static final int LARGEST_MAX_LINE_BYTES = 1 << 30;

  private enum JsonMode {
    /** The first record's first line has not ended yet. */
    UNDECIDED,
    /** Every line is a record: the first line was anything but the opening of a document. */
    LINES,
    /**
     * The first line only opened a document (a pretty-printer's "[" or "{"): records end where
     * their value does.
     */
    DOCUMENTS
  }

  /** Where a CSV record is, byte by byte, as far as its end is concerned. */
  private enum CsvState {
    FIELD_START,
    UNQUOTED,
    QUOTED,
    QUOTE_IN_QUOTED
  }

  private final InputStream in;
  private final Framing framing;
  private final int maxBytes;
  private final byte[] buffer = new byte[64 * 1024];
  private int position;
  private int limit;
  private boolean started;
  private long lineNumber;

  // The record being read: where it starts, the first bytes held, its full length, whether it is
  // all whitespace so far, and its last byte.
  private long startLine;
  private byte[] line = new byte[1024];
  private int held;
  private long length;
  private boolean blank;
  private int lastByte;

  // Where the record is in the JSON or CSV syntax, as far as its end is concerned.
  private JsonMode jsonMode = JsonMode.UNDECIDED;
  private int depth;
  private boolean inString;
  private boolean escaped;
  // While undecided: whether the first line holds nothing but '[', '{' and blanks.
  private boolean onlyOpeners = true;
  private CsvState csv = CsvState.FIELD_START;

  /** Physical lines, at most {@link #DEFAULT_MAX_LINE_BYTES} bytes each. */
  public NumberedLineReader(InputStream in) {
    this(in, Framing.LINES, DEFAULT_MAX_LINE_BYTES);
  }

  /**
   * @param framing how records are delimited
   * @param maxBytes the longest record, terminator excluded (the input's max_line_bytes); at most
   *     {@link #LARGEST_MAX_LINE_BYTES}
   */
  public NumberedLineReader(InputStream in, Framing framing, int maxBytes) {
    if (maxBytes < 1 || maxBytes > LARGEST_MAX_LINE_BYTES) {
      throw new IllegalArgumentException(
          "max_line_bytes must be between 1 and " + LARGEST_MAX_LINE_BYTES + ": " + maxBytes);
    }
    this.in = in;
    this.framing = framing;
    this.maxBytes = maxBytes;
  }

  /** The next non-blank record, or null at the end of the stream. */
  public NumberedLine next() throws IOException {
    if (!started) {
      skipByteOrderMark();
      started = true;
    }
    while (readUnit()) {
      if (!blank) {
        boolean tooLong = length > maxBytes;
        int kept = tooLong ? Math.min(held, RawText.MAX_BYTES + RawText.MAX_CHAR_BYTES) : held;
        return new NumberedLine(startLine, Arrays.copyOf(line, kept), tooLong, length);
      }
    }
    return null;
  }

  /**
   * Physical lines read to their end so far, line breaks inside records included: after a read
   * fails, the last line that was read whole.
   */
  public long linesRead() {
    return lineNumber;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** Reads one record or blank line into the record state; false when the stream has ended. */
  private boolean readUnit() throws IOException {
    startLine = lineNumber + 1;
    held = 0;
    length = 0;
    blank = true;
    lastByte = -1;
    depth = 0;
    inString = false;
    escaped = false;
    csv = CsvState.FIELD_START;
    boolean seen = false;
    while (position < limit || fill()) {
      seen = true;
      int start = position;
      boolean byLines = framing.kind() == Framing.Kind.LINES || jsonMode == JsonMode.LINES;
      int end = byLines ? indexOfNewline(start) : scan(start);
      int stop = end < 0 ? limit : end;
      if (byLines) {
        blank = blank && isBlank(start, stop);
      }
      hold(start, stop);
      if (end >= 0) {
        position = end + 1;
        lineNumber++;
        dropCarriageReturn();
        return true;
      }
      position = limit;
    }
    if (seen) {
      // The last line of a stream that does not end with a line break.
      lineNumber++;
      dropCarriageReturn();
    }
    return seen;
  }

  /**
   * Follows the JSON or CSV syntax from {@code from}; returns the index of the '\n' that ends the
   * record, or -1 when the buffer ends first. Line breaks inside the record are counted as lines.
   */
  private int scan(int from) {
    for (int i = from; i < limit; i++) {
      byte b = buffer[i];
      if (b == '\n') {
        if (blank || endsHere()) {
          return i;
        }
        lineNumber++;
        continue;
      }
      if (!Tokens.isSpace(b)) {
        blank = false;
        onlyOpeners = onlyOpeners && (b == '[' || b == '{');
      }
      if (framing.kind() == Framing.Kind.CSV) {
        csv(b);
      } else {
        json(b);
      }
    }
    return -1;
  }

  /** True when a line break at this point ends the (non-blank) record. */
  private boolean endsHere() {
    if (framing.kind() == Framing.Kind.CSV) {
      return csv != CsvState.QUOTED;
    }
    if (jsonMode == JsonMode.UNDECIDED) {
      // Only a line that just opens a document starts a pretty-printed file; a first line cut in
      // the middle of a record is one bad line of a JSON-lines file, not the start of a document.
      jsonMode = onlyOpeners ? JsonMode.DOCUMENTS : JsonMode.LINES;
      return jsonMode == JsonMode.LINES;
    }
    return depth == 0 && !inString;
  }

  private void json(byte b) {
    if (inString) {
      if (escaped) {
        escaped = false;
      } else if (b == '\\') {
        escaped = true;
      } else if (b == '"') {
        inString = false;
      }
    } else if (b == '"') {
      inString = true;
    } else if (b == '{' || b == '[') {
      depth++;
    } else if ((b == '}' || b == ']') && depth > 0) {
      // A stray closer cannot make the depth negative: the record ends at its line as usual and
      // is reported as unparsable, instead of swallowing the rest of the file.
      depth--;
    }
  }

  private void csv(byte b) {
    byte delimiter = framing.delimiter();
    csv =
        switch (csv) {
          case FIELD_START ->
              b == '"'
                  ? CsvState.QUOTED
                  : b == delimiter ? CsvState.FIELD_START : CsvState.UNQUOTED;
          case UNQUOTED -> b == delimiter ? CsvState.FIELD_START : CsvState.UNQUOTED;
          case QUOTED -> b == '"' ? CsvState.QUOTE_IN_QUOTED : CsvState.QUOTED;
          // A doubled quote is a quote in the field; anything else closes it (text after a closing
          // quote is left for the CSV parser to reject).
          case QUOTE_IN_QUOTED ->
              b == '"'
                  ? CsvState.QUOTED
                  : b == delimiter ? CsvState.FIELD_START : CsvState.UNQUOTED;
        };
  }

  private void dropCarriageReturn() {
    if (lastByte == '\r') {
      length--;
      held = (int) Math.min(held, length);
    }
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

  /**
   * Appends buffer[start, end) to the held record as far as the limit + 1 allows (one byte past it,
   * so that a '\r' right after a record of exactly the limit is still seen).
   */
  private void hold(int start, int end) {
    if (end <= start) {
      return;
    }
    length += end - start;
    lastByte = buffer[end - 1];
    int count = Math.min(end - start, maxBytes + 1 - held);
    if (count <= 0) {
      return;
    }
    if (held + count > line.length) {
      line = Arrays.copyOf(line, Math.min(maxBytes + 1, Math.max(held + count, 2 * line.length)));
    }
    System.arraycopy(buffer, start, line, held, count);
    held += count;
  }
}
