package org.dunbar.analysis;

import org.dunbar.canonical.IdClaim;
import org.dunbar.coders.CompactCoder;
import org.dunbar.coders.CompactReader;
import org.dunbar.coders.CompactWriter;
import org.dunbar.coders.RecordCoders;
import org.dunbar.records.Event;

/**
 * One input of a pair's replay: an event, a baseline edge (follower → followee) that existed before
 * the dump, or the notice that a copy of an event with its own id is to be left out ({@link
 * org.dunbar.canonical.DeduplicateEvents}). The kinds travel in one grouping as one type, so each
 * pair's inputs are read in a single pass: Beam's CoGroupByKey would read them once per kind, which
 * Flink's batch runner cannot do for a key with more than 10,000 values.
 *
 * @param event the event, or null
 * @param baselineFollower the baseline edge's follower, or null
 * @param baselineFollowee the baseline edge's followee, or null
 * @param droppedCopy the claim of the copy to leave out, or null
 */
public record PairInput(
    Event event, String baselineFollower, String baselineFollowee, IdClaim droppedCopy) {
  public static PairInput of(Event event) {
    return new PairInput(event, null, null, null);
  }

  public static PairInput baselineEdge(String follower, String followee) {
    return new PairInput(null, follower, followee, null);
  }

  public static PairInput dropped(IdClaim copy) {
    return new PairInput(null, null, null, copy);
  }

  public boolean isEvent() {
    return event != null;
  }

  public boolean isDroppedCopy() {
    return droppedCopy != null;
  }

  public static final class Coder extends CompactCoder<PairInput> {
    private static final Coder INSTANCE = new Coder();
    private static final CompactCoder<Event> EVENTS = RecordCoders.event();
    private static final CompactCoder<IdClaim> CLAIMS = IdClaim.Coder.of();
    private static final int EVENT = 0;
    private static final int BASELINE = 1;
    private static final int DROPPED = 2;

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    protected void write(PairInput input, CompactWriter out) {
      if (input.isEvent()) {
        EVENTS.writeFields(input.event, out.unsigned(EVENT));
      } else if (input.isDroppedCopy()) {
        CLAIMS.writeFields(input.droppedCopy, out.unsigned(DROPPED));
      } else {
        out.unsigned(BASELINE).string(input.baselineFollower).string(input.baselineFollowee);
      }
    }

    @Override
    protected PairInput read(CompactReader in) {
      int kind = in.unsignedInt();
      return switch (kind) {
        case EVENT -> PairInput.of(EVENTS.readFields(in));
        case DROPPED -> PairInput.dropped(CLAIMS.readFields(in));
        case BASELINE -> baselineEdge(in.string(), in.string());
        default -> throw new IllegalStateException("not a pair input kind: " + kind);
      };
    }
  }
}
