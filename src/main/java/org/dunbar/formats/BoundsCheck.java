package org.dunbar.formats;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The last check of every timed record: the study's time bounds. */
final class BoundsCheck {
  private BoundsCheck() {}

  /**
   * True when the instant is within the bounds; otherwise rejects the record as ts_out_of_range.
   */
  static boolean passes(long micros, TimeBounds bounds, RecordSink sink) {
    if (bounds.contains(micros)) {
      return true;
    }
    String detail =
        micros < bounds.notBefore()
            ? "ts " + instant(micros) + " before not_before " + instant(bounds.notBefore())
            : "ts " + instant(micros) + " after not_after " + instant(bounds.notAfter());
    sink.rejected(Reasons.TS_OUT_OF_RANGE, detail, null);
    return false;
  }

  private static Instant instant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }
}
