package org.dunbar.formats;

import java.util.OptionalLong;
import org.dunbar.records.Event;

/** What the SNAP temporal network formats share once a line's fields are known. */
final class SnapEvents {
  private SnapEvents() {}

  /** Checks the epoch timestamp of a SNAP line (digits only) and the study's bounds. */
  static void check(
      String type,
      String actor,
      String target,
      String epoch,
      String source,
      long line,
      TimeBounds bounds,
      RecordSink sink) {
    OptionalLong ts = Timestamps.parseEpochDigits(epoch);
    if (ts.isEmpty()) {
      sink.rejected(Reasons.BAD_TIMESTAMP, Details.value("ts", epoch), null);
      return;
    }
    EventChecks.acceptInBounds(
        new Event(null, type, actor, target, null, null, ts.getAsLong(), source, line),
        bounds,
        sink);
  }
}
