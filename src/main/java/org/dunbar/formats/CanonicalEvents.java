package org.dunbar.formats;

import java.util.List;

/**
 * Canonical events: JSON objects, one a line (a pretty-printed object may span lines, see {@link
 * Framing#JSON}), or RFC 4180 CSV with a header when the file name ends in {@code .csv} (optionally
 * followed by {@code .gz}, {@code .bz2} or {@code .zst}; any case), separated by the input's
 * delimiter.
 */
public final class CanonicalEvents implements LineFormat {
  private static final long serialVersionUID = 1L;

  /** CSV file names end so, in any case; every other file is JSON lines. */
  private static final List<String> CSV_ENDINGS =
      List.of(".csv", ".csv.gz", ".csv.bz2", ".csv.zst");

  private final TimeBounds bounds;
  private final CsvColumns csv;
  private final char delimiter;

  /** Comma-separated when CSV. */
  public CanonicalEvents(TimeBounds bounds) {
    this(bounds, ',');
  }

  /**
   * @param delimiter the CSV field delimiter (unused for JSON files)
   */
  public CanonicalEvents(TimeBounds bounds, char delimiter) {
    this.bounds = bounds;
    this.delimiter = delimiter;
    this.csv = new CsvColumns(EventChecks.FIELDS, delimiter);
  }

  @Override
  public void parse(String source, long line, String text, String header, RecordSink sink) {
    RecordFields fields;
    try {
      fields = isCsv(source) ? csv.fields(header, text) : JsonFields.parse(text);
    } catch (Unparsable e) {
      sink.rejected(Reasons.UNPARSABLE, e.getMessage(), null);
      return;
    }
    EventChecks.check(fields, source, line, bounds, sink);
  }

  @Override
  public boolean hasHeader(String source) {
    return isCsv(source);
  }

  @Override
  public Framing framing(String source) {
    return isCsv(source) ? Framing.csv(delimiter) : Framing.JSON;
  }

  // Asked for every record: a case-insensitive regex here was an eighth of the reading's time.
  private static boolean isCsv(String source) {
    for (String ending : CSV_ENDINGS) {
      int from = source.length() - ending.length();
      if (from >= 0 && source.regionMatches(true, from, ending, 0, ending.length())) {
        return true;
      }
    }
    return false;
  }
}
