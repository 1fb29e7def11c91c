package org.dunbar.run;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One progress report of a running pipeline: while reading, input bytes read of the total and
 * records so far; once everything is read, the records read, how long reading took, and tables
 * written of all. Rendered as a text line, as fields of a JSON log line, or as a live bar.
 *
 * @param bytesRead input bytes read so far (compressed bytes of compressed files)
 * @param totalBytes the input files' sizes summed
 * @param records records of every input kind read so far
 * @param elapsed since the run started
 * @param readingTime how long reading took; null while reading
 * @param tablesWritten tables with a finished file; counted once reading is over
 * @param tables all tables of a run
 */
record ProgressFigures(
    long bytesRead,
    long totalBytes,
    long records,
    Duration elapsed,
    Duration readingTime,
    long tablesWritten,
    int tables) {
  /** The bar's cells on a wide terminal, and the fewest worth drawing. */
  private static final int BAR_CELLS = 30;

  private static final int MIN_BAR_CELLS = 10;

  boolean reading() {
    return readingTime == null;
  }

  /** Records per second over the elapsed time while reading, over the reading time after. */
  double recordsPerSecond() {
    return records / (Math.max((reading() ? elapsed : readingTime).toMillis(), 1) / 1000.0);
  }

  /** Bytes read over the total, as a share in [0, 1]; 0 for an empty input. */
  double share() {
    return totalBytes == 0 ? 0 : Math.min(1.0, (double) bytesRead / totalBytes);
  }

  /**
   * The reading's time to go, at the rate so far: elapsed × (total − read) / read; null before the
   * first byte (no rate yet) and once reading is over.
   */
  Duration eta() {
    if (!reading() || bytesRead == 0) {
      return null;
    }
    return Duration.ofMillis(
        (long) (elapsed.toMillis() * (double) (totalBytes - bytesRead) / bytesRead));
  }

  /** The progress line's words, e.g. "reading 1.0 MiB of 4.0 MiB (25.0 %), 50,000 records, ...". */
  String text() {
    if (reading()) {
      return String.format(
          Locale.ROOT,
          "reading %s of %s (%.1f %%), %,d records, %,.0f records/s, elapsed %s, ETA %s",
          ValidateCommand.bytes(bytesRead),
          ValidateCommand.bytes(totalBytes),
          100 * share(),
          records,
          recordsPerSecond(),
          duration(elapsed),
          eta() == null ? "unknown" : duration(eta()));
    }
    return String.format(
        Locale.ROOT,
        "read %,d records in %s; computing and writing tables: %d of %d written, elapsed %s",
        records,
        duration(readingTime),
        tablesWritten,
        tables,
        duration(elapsed));
  }

  /**
   * The figures as JSON log fields: {@code stage} ({@code reading} or {@code writing_tables}),
   * bytes, records, {@code records_per_second}, seconds elapsed, and per stage {@code eta_seconds}
   * (null before the first byte) or {@code reading_seconds} and the tables written.
   */
  Map<String, Object> fields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("stage", reading() ? "reading" : "writing_tables");
    fields.put("bytes_read", bytesRead);
    fields.put("bytes_total", totalBytes);
    fields.put("records", records);
    fields.put("records_per_second", Math.round(recordsPerSecond()));
    fields.put("elapsed_seconds", elapsed.toSeconds());
    if (reading()) {
      fields.put("eta_seconds", eta() == null ? null : eta().toSeconds());
    } else {
      fields.put("reading_seconds", readingTime.toSeconds());
      fields.put("tables_written", tablesWritten);
      fields.put("tables_total", tables);
    }
    return fields;
  }

  /**
   * The figures as a live bar of at most {@code width - 1} characters (a full-width line would wrap
   * on some terminals, and the next redraw would then start one line down). While reading, a bar of
   * the bytes read, then " 38.7 % 6.0 MiB/15.6 MiB 393,312 records 15,471/s ETA 40 s"; after, the
   * stage. What does not fit is cut at the right: the bar first shrinks, down to none below 10
   * cells.
   */
  String bar(int width) {
    String words;
    if (reading()) {
      words =
          String.format(
              Locale.ROOT,
              "%5.1f %%  %s/%s  %,d records  %,.0f/s  ETA %s",
              100 * share(),
              ValidateCommand.bytes(bytesRead),
              ValidateCommand.bytes(totalBytes),
              records,
              recordsPerSecond(),
              eta() == null ? "unknown" : duration(eta()));
    } else {
      words =
          String.format(
              Locale.ROOT,
              "read %,d records; writing tables %d of %d, elapsed %s",
              records,
              tablesWritten,
              tables,
              duration(elapsed));
    }
    int room = width - 1;
    int cells = Math.min(BAR_CELLS, room - words.length() - 3);
    if (!reading() || cells < MIN_BAR_CELLS) {
      return cut(words, room);
    }
    int filled = (int) (share() * cells);
    return "[" + "#".repeat(filled) + " ".repeat(cells - filled) + "] " + words;
  }

  private static String cut(String words, int room) {
    return words.length() <= room ? words : words.substring(0, Math.max(room, 0));
  }

  /** "42 s" or "3 min 07 s". */
  static String duration(Duration d) {
    long s = d.toSeconds();
    return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
  }
}
