package org.dunbar.analysis;

import org.dunbar.coders.CompactCoder;
import org.dunbar.coders.CompactReader;
import org.dunbar.coders.CompactWriter;
import org.dunbar.coders.RecordCoders;
import org.dunbar.records.Event;

/**
 * One input of a pair's replay: an event, or a baseline edge (follower → followee) that existed
 * before the dump. The two kinds travel in one grouping as one type, so each pair's inputs are read
 * in a single pass: Beam's CoGroupByKey would read them once per kind, which Flink's batch runner
 * cannot do for a key with more than 10,000 values.
 *
 * @param event the event, or null for a baseline edge
 * @param baselineFollower the baseline edge's follower, or null for an event
 * @param baselineFollowee the baseline edge's followee, or null for an event
 */
public record PairInput(Event event, String baselineFollower, String baselineFollowee) {
  public static PairInput of(Event event) {
    return new PairInput(event, null, null);
  }

  public static PairInput baselineEdge(String follower, String followee) {
    return new PairInput(null, follower, followee);
  }

  public boolean isEvent() {
    return event != null;
  }

  public static final class Coder extends CompactCoder<PairInput> {
    private static final Coder INSTANCE = new Coder();
    private static final CompactCoder<Event> EVENTS = RecordCoders.event();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    protected void write(PairInput input, CompactWriter out) {
      if (input.isEvent()) {
        out.bool(true);
        EVENTS.writeFields(input.event, out);
      } else {
        out.bool(false).string(input.baselineFollower).string(input.baselineFollowee);
      }
    }

    @Override
    protected PairInput read(CompactReader in) {
      return in.bool() ? PairInput.of(EVENTS.readFields(in)) : baselineEdge(in.string(), in.string());
    }
  }
}
