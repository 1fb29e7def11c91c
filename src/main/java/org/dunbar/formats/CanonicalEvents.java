package org.dunbar.formats;

import java.util.regex.Pattern;

/**
 * Canonical events: JSON objects, one a line (a pretty-printed object may span lines, see {@link
 * Framing#JSON}), or RFC 4180 CSV with a header when the file name ends in {@code .csv} (optionally
 * followed by {@code .gz}, {@code .bz2} or {@code .zst}; any case), separated by the input's
 * delimiter.
 */
public final class CanonicalEvents implements LineFormat {
  private static final long serialVersionUID = 1L;

  private static final Pattern CSV_NAME =
      Pattern.compile("\\.csv(\\.(gz|bz2|zst))?$", Pattern.CASE_INSENSITIVE);

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

  private static boolean isCsv(String source) {
    return CSV_NAME.matcher(source).find();
  }
}
