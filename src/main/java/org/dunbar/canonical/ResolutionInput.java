package org.dunbar.canonical;

import org.dunbar.coders.CompactCoder;
import org.dunbar.coders.CompactReader;
import org.dunbar.coders.CompactWriter;
import org.dunbar.coders.RecordCoders;
import org.dunbar.records.Event;
import org.dunbar.records.PostClaim;

/**
 * One input of a parent post's group in {@link ResolveTargets}: a pending event that names the post
 * as its parent, or a claim of the post by an event that created it. The two travel in one grouping
 * as one type, so each group is read in a single pass, however many claims it has: Beam's
 * CoGroupByKey would read them once per kind, which Flink's batch runner cannot do for a key with
 * more than 10,000 values.
 *
 * @param pending the pending event, or null
 * @param claim the post claim, or null
 */
record ResolutionInput(Event pending, PostClaim claim) {
  static ResolutionInput pending(Event event) {
    return new ResolutionInput(event, null);
  }

  static ResolutionInput claim(PostClaim claim) {
    return new ResolutionInput(null, claim);
  }

  boolean isPending() {
    return pending != null;
  }

  static final class Coder extends CompactCoder<ResolutionInput> {
    private static final Coder INSTANCE = new Coder();
    private static final CompactCoder<Event> EVENTS = RecordCoders.event();
    private static final CompactCoder<PostClaim> CLAIMS = RecordCoders.postClaim();
    private static final int PENDING = 0;
    private static final int CLAIM = 1;

    static Coder of() {
      return INSTANCE;
    }

    @Override
    protected void write(ResolutionInput input, CompactWriter out) {
      if (input.isPending()) {
        EVENTS.writeFields(input.pending, out.unsigned(PENDING));
      } else {
        CLAIMS.writeFields(input.claim, out.unsigned(CLAIM));
      }
    }

    @Override
    protected ResolutionInput read(CompactReader in) {
      int kind = in.unsignedInt();
      return switch (kind) {
        case PENDING -> pending(EVENTS.readFields(in));
        case CLAIM -> claim(CLAIMS.readFields(in));
        default -> throw new IllegalStateException("not a resolution input kind: " + kind);
      };
    }
  }
}
