package org.dunbar.canonical;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.dunbar.coders.RecordCoders;
import org.dunbar.coders.SideOutputs;
import org.dunbar.records.Event;
import org.dunbar.records.PostClaim;

/**
 * Sends each read event where it is needed, in one pass: events that name their target (and posts)
 * straight on to the pair replay ({@link #READY}); events that leave their target to the parent
 * post to {@link ResolveTargets} ({@link #PENDING}); and beside them the slim indexes the other
 * steps join on — each created post's {@link PostClaim} and each explicit id's {@link IdClaim}.
 *
 * <p>Why one pass: on Flink's batch runner every step that reads all events, and every extra output
 * of such a step, writes and reads all of them once more. Here the events are written twice (ready,
 * and one tagged side output for the rest, {@link SideOutputs}); then they are grouped once, by
 * pair. Deduplication by id groups only the claims ({@link DeduplicateEvents}).
 *
 * <p>Input: the events read, copies included, targets still open where the input left them so.
 */
public final class RouteEvents extends PTransform<PCollection<Event>, PCollectionTuple> {
  /** Events with a target, and posts: ready for the pair replay. */
  public static final TupleTag<Event> READY = new TupleTag<>() {};

  /** Events of any type but post whose target is null and that name a parent post. */
  public static final TupleTag<Event> PENDING = new TupleTag<>() {};

  /** Per post id, what the event that created the post says of it; one per such event. */
  public static final TupleTag<KV<String, PostClaim>> POST_CLAIMS = new TupleTag<>() {};

  /** Per explicit event id, one claim per event that has it, but those sent on to be resolved. */
  public static final TupleTag<KV<String, IdClaim>> ID_CLAIMS = new TupleTag<>() {};

  /** {@code events.unresolved_target.<type>} of id-less pending events without a parent. */
  public static final TupleTag<KV<String, Long>> TALLIES = new TupleTag<>() {};

  @Override
  public PCollectionTuple expand(PCollection<Event> events) {
    SideOutputs side =
        SideOutputs.create()
            .and(PENDING, events.getCoder())
            .and(POST_CLAIMS, KvCoder.of(StringUtf8Coder.of(), RecordCoders.postClaim()))
            .and(ID_CLAIMS, KvCoder.of(StringUtf8Coder.of(), IdClaim.Coder.of()))
            .and(TALLIES, KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    PCollectionTuple routed =
        events.apply(
            "Route each event",
            ParDo.of(new RouteFn(side)).withOutputTags(READY, TupleTagList.of(side.tag())));
    routed.get(READY).setCoder(events.getCoder());
    side.setCoder(routed);
    return side.split(routed, "Pending, claims and unresolved").and(READY, routed.get(READY));
  }

  static boolean isPending(Event event) {
    return event.getTarget() == null && !event.getType().equals("post");
  }

  static final class RouteFn extends DoFn<Event, Event> {
    private final SideOutputs side;

    RouteFn(SideOutputs side) {
      this.side = side;
    }

    @ProcessElement
    public void process(@Element Event event, MultiOutputReceiver out) {
      if (!isPending(event)) {
        out.get(READY).output(event);
        if (event.getEventId() != null) {
          out.get(side.tag())
              .output(side.of(ID_CLAIMS, KV.of(event.getEventId(), IdClaim.of(event))));
        }
      } else if (event.getParentId() != null) {
        out.get(side.tag()).output(side.of(PENDING, event));
      } else if (event.getEventId() != null) {
        // Counted as unresolved once per id, by deduplication, as if its copies had been dropped
        // first.
        out.get(side.tag())
            .output(side.of(ID_CLAIMS, KV.of(event.getEventId(), IdClaim.ofUnresolved(event))));
      } else {
        out.get(side.tag()).output(side.of(TALLIES, ResolveTargets.unresolved(event.getType())));
      }
      // Every event that created a post claims it, pending ones included, so a comment whose own
      // target is still open still names its author to its replies.
      if (event.getPostId() != null) {
        out.get(side.tag())
            .output(
                side.of(
                    POST_CLAIMS,
                    KV.of(
                        event.getPostId(),
                        new PostClaim(
                            event.getType(),
                            event.getActor(),
                            event.getTarget(),
                            event.getSource(),
                            event.getLine()))));
      }
    }
  }
}
