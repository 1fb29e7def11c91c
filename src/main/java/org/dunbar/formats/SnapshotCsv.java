package org.dunbar.formats;

import java.util.List;
import java.util.OptionalLong;
import org.dunbar.records.Snapshot;

/**
 * Account snapshots: RFC 4180 CSV (the input's delimiter) with a header naming {@code account},
 * {@code ts}, {@code followers} and optionally {@code following} and {@code posts}, in any order.
 */
public final class SnapshotCsv implements LineFormat {
  private static final long serialVersionUID = 1L;

  private static final List<String> REQUIRED = List.of("account", "ts", "followers");
  private static final List<String> COUNTS = List.of("followers", "following", "posts");

  private final TimeBounds bounds;
  private final char delimiter;
  private final CsvColumns csv;

  /** Comma-separated. */
  public SnapshotCsv(TimeBounds bounds) {
    this(bounds, ',');
  }

  /**
   * @param delimiter the CSV field delimiter
   */
  public SnapshotCsv(TimeBounds bounds, char delimiter) {
    this.bounds = bounds;
    this.delimiter = delimiter;
    this.csv =
        new CsvColumns(List.of("account", "ts", "followers", "following", "posts"), delimiter);
  }

  @Override
  public void parse(String source, long line, String text, String header, RecordSink sink) {
    RecordFields fields;
    try {
      fields = csv.fields(header, text);
    } catch (Unparsable e) {
      sink.rejected(Reasons.UNPARSABLE, e.getMessage(), null);
      return;
    }
    for (String name : REQUIRED) {
      if (fields.get(name) == null) {
        sink.rejected(Reasons.MISSING_FIELD, fields.missing(name), null);
        return;
      }
    }
    String givenTs = fields.get("ts");
    OptionalLong ts = Timestamps.parseText(givenTs);
    if (ts.isEmpty()) {
      sink.rejected(Reasons.BAD_TIMESTAMP, Details.value("ts", givenTs), null);
      return;
    }
    for (String name : COUNTS) {
      String given = fields.get(name);
      if (given != null && !CountLimit.plausible(Digits.parse(given))) {
        sink.rejected(Reasons.BAD_COUNT, Details.value(name, given), null);
        return;
      }
    }
    if (BoundsCheck.passes(ts.getAsLong(), bounds, sink)) {
      sink.snapshot(
          new Snapshot(
              fields.get("account"),
              ts.getAsLong(),
              count(fields, "followers"),
              count(fields, "following"),
              count(fields, "posts"),
              source,
              line));
      sink.accepted();
    }
  }

  @Override
  public boolean hasHeader(String source) {
    return true;
  }

  @Override
  public Framing framing(String source) {
    return Framing.csv(delimiter);
  }

  /** A count already checked: absent is null. */
  private static Long count(RecordFields fields, String name) {
    String given = fields.get(name);
    return given == null ? null : Digits.parse(given);
  }
}
