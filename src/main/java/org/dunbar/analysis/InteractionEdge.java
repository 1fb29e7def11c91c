package org.dunbar.analysis;

import org.dunbar.coders.CompactCoder;
import org.dunbar.coders.CompactReader;
import org.dunbar.coders.CompactWriter;

/**
 * One row of {@code interaction_edges} as the pair replay finds it: a layer and an ordered pair
 * with at least one event there.
 *
 * @param layer follow, reply, mention, quote, message, reshare or like
 * @param events effective follows in the follow layer, else events of the layer's type
 * @param firstAt first event, epoch microseconds UTC
 * @param lastAt last event, epoch microseconds UTC
 * @param presentAtEnd whether the follow edge exists when the replay ends; null in other layers
 */
public record InteractionEdge(
    String layer,
    String actor,
    String target,
    long events,
    long firstAt,
    long lastAt,
    Boolean presentAtEnd) {
  public static final class Coder extends CompactCoder<InteractionEdge> {
    private static final Coder INSTANCE = new Coder();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    protected void write(InteractionEdge e, CompactWriter out) {
      out.string(e.layer)
          .string(e.actor)
          .string(e.target)
          .unsigned(e.events)
          .signed(e.firstAt)
          .signed(e.lastAt)
          .unsigned(e.presentAtEnd == null ? 0 : e.presentAtEnd ? 2 : 1);
    }

    @Override
    protected InteractionEdge read(CompactReader in) {
      String layer = in.string();
      String actor = in.string();
      String target = in.string();
      long events = in.unsigned();
      long firstAt = in.signed();
      long lastAt = in.signed();
      long present = in.unsigned();
      return new InteractionEdge(
          layer, actor, target, events, firstAt, lastAt, present == 0 ? null : present == 2);
    }
  }
}
