package org.dunbar.formats;

import java.io.Serializable;

/**
 * An input format: maps one decoded, non-blank physical line to canonical records.
 *
 * <p>Implementations hold only immutable configuration (the study's time bounds, a CSV header is
 * passed per line), so one instance serves every worker.
 */
public interface LineFormat extends Serializable {
  /**
   * @param source the file, as matched
   * @param line 1-based physical line number
   * @param text the line without its terminator, valid UTF-8, at most 1 MiB
   * @param header the file's first non-blank line for formats with a header (CSV); null otherwise
   * @param sink receives the records the line maps to
   */
  void parse(String source, long line, String text, String header, RecordSink sink);

  /** True when the file's first non-blank line is a header, not a record. */
  default boolean hasHeader(String source) {
    return false;
  }

  /** True when a line starting with '#' is a comment (skipped and not counted). */
  default boolean skipsHashComments() {
    return false;
  }
}
