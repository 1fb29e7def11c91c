package org.dunbar.formats;

import java.util.List;

/** SNAP temporal message files ({@code src dst unix_ts}): src messaged dst. */
public final class SnapMessages implements LineFormat {
  private static final long serialVersionUID = 1L;

  private final TimeBounds bounds;

  public SnapMessages(TimeBounds bounds) {
    this.bounds = bounds;
  }

  @Override
  public void parse(String source, long line, String text, String header, RecordSink sink) {
    List<String> fields;
    try {
      fields = Tokens.exactly(3, text);
    } catch (Unparsable e) {
      sink.rejected(Reasons.UNPARSABLE, e.getMessage(), null);
      return;
    }
    SnapEvents.check(
        "message", fields.get(0), fields.get(1), fields.get(2), source, line, bounds, sink);
  }

  @Override
  public boolean skipsHashComments() {
    return true;
  }
}
