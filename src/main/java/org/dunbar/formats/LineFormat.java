package org.dunbar.formats;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * An input format: maps one decoded, non-blank record of a file to canonical records.
 *
 * <p>Implementations hold only immutable configuration (the study's time bounds and the input's
 * options; a CSV header is passed per record), so one instance serves every worker.
 */
public interface LineFormat extends Serializable {
  /**
   * @param source the file, as matched
   * @param line 1-based physical line number where the record starts
   * @param text the record without its final line terminator, valid UTF-8, at most the input's
   *     max_line_bytes; one line, or several joined by their own line breaks when the format's
   *     {@link #framing} lets a record span lines
   * @param header the file's first non-blank record for formats with a header (CSV); null otherwise
   * @param sink receives the records the text maps to
   */
  void parse(String source, long line, String text, String header, RecordSink sink);

  /**
   * The same, from the record's bytes, as the read hands it over; a format that parses bytes
   * overrides this and saves making the text (JSON objects: {@link JsonObjectFormat}).
   *
   * @param utf8 the record's bytes, valid UTF-8
   */
  default void parse(String source, long line, byte[] utf8, String header, RecordSink sink) {
    parse(source, line, new String(utf8, StandardCharsets.UTF_8), header, sink);
  }

  /** True when the file's first non-blank record is a header, not a record. */
  default boolean hasHeader(String source) {
    return false;
  }

  /** True when a line starting with '#' is a comment (skipped and not counted). */
  default boolean skipsHashComments() {
    return false;
  }

  /** How a file of this format divides into records; one a physical line unless overridden. */
  default Framing framing(String source) {
    return Framing.LINES;
  }
}
