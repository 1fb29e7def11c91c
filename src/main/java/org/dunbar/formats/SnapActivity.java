package org.dunbar.formats;

import java.util.List;
import java.util.Map;

/**
 * SNAP temporal activity files ({@code userA userB unix_ts RT|MT|RE}): userA reshared, mentioned or
 * replied to userB. Interaction codes are case-sensitive, as SNAP writes them.
 */
public final class SnapActivity implements LineFormat {
  private static final long serialVersionUID = 1L;

  private static final Map<String, String> TYPES =
      Map.of("RT", "reshare", "MT", "mention", "RE", "reply");

  private final TimeBounds bounds;

  public SnapActivity(TimeBounds bounds) {
    this.bounds = bounds;
  }

  @Override
  public void parse(String source, long line, String text, String header, RecordSink sink) {
    List<String> fields;
    try {
      fields = Tokens.exactly(4, text);
    } catch (Unparsable e) {
      sink.rejected(Reasons.UNPARSABLE, e.getMessage(), null);
      return;
    }
    String type = TYPES.get(fields.get(3));
    if (type == null) {
      sink.rejected(Reasons.UNKNOWN_TYPE, Details.value("interaction", fields.get(3)), null);
      return;
    }
    SnapEvents.check(type, fields.get(0), fields.get(1), fields.get(2), source, line, bounds, sink);
  }

  @Override
  public boolean skipsHashComments() {
    return true;
  }
}
