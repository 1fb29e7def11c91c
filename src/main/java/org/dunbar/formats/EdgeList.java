package org.dunbar.formats;

import java.util.List;
import org.dunbar.records.BaselineEdge;

/** A follow graph as {@code follower followee} lines: the baseline, or a SNAP edge list. */
public final class EdgeList implements LineFormat {
  private static final long serialVersionUID = 1L;

  @Override
  public void parse(String source, long line, String text, String header, RecordSink sink) {
    List<String> fields;
    try {
      fields = Tokens.exactly(2, text);
    } catch (Unparsable e) {
      sink.rejected(Reasons.UNPARSABLE, e.getMessage(), null);
      return;
    }
    String follower = fields.get(0);
    String followee = fields.get(1);
    if (follower.equals(followee)) {
      sink.rejected(Reasons.SELF_FOLLOW, Details.value("follower and followee", follower), null);
      return;
    }
    sink.edge(new BaselineEdge(follower, followee, source, line));
    sink.accepted();
  }

  @Override
  public boolean skipsHashComments() {
    return true;
  }
}
