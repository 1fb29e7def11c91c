package org.dunbar.formats;

import java.io.Serializable;

/**
 * How a file's bytes divide into records, before any format reads them.
 *
 * <ul>
 *   <li>{@link #LINES}: one record a physical line (SNAP files, edge lists).
 *   <li>{@link #JSON}: JSON values. When a file's first line holds nothing but opening brackets
 *       ({@code [}, {@code {}, {@code [ {}), as pretty-printers write a document's first line, a
 *       record ends only at the end of a line where its value is complete, so a document may span
 *       lines. Otherwise every line is a record (JSON lines). The choice is made once per file, so
 *       one broken line of a JSON-lines file, even its first, costs that line, not the rest.
 *   <li>{@link #csv}: RFC 4180 records, where a quoted field may hold line breaks.
 * </ul>
 *
 * <p>A record's number is the physical line it starts on; blank lines between records are skipped.
 *
 * @param kind the rule
 * @param delimiter the CSV field delimiter (an ASCII byte), 0 for the other kinds
 */
public record Framing(Kind kind, byte delimiter) implements Serializable {
  /** The rules. */
  public enum Kind {
    LINES,
    JSON,
    CSV
  }

  public static final Framing LINES = new Framing(Kind.LINES, (byte) 0);
  public static final Framing JSON = new Framing(Kind.JSON, (byte) 0);

  /**
   * CSV records separated by {@code delimiter}.
   *
   * @throws IllegalArgumentException when the delimiter is not one ASCII character other than a
   *     quote or a line break
   */
  public static Framing csv(char delimiter) {
    if (delimiter == 0
        || delimiter > 0x7F
        || delimiter == '"'
        || delimiter == '\n'
        || delimiter == '\r') {
      throw new IllegalArgumentException(
          "a CSV delimiter is one ASCII character other than a quote or a line break");
    }
    return new Framing(Kind.CSV, (byte) delimiter);
  }
}
