package org.dunbar.canonical;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.RawUnionValue;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.dunbar.coders.CachedSideInput;
import org.dunbar.coders.RecordCoders;
import org.dunbar.coders.SideOutputs;
import org.dunbar.records.Event;
import org.dunbar.records.PostClaim;

/**
 * Sends each read event where it is needed, in one pass: events that name their target (and posts)
 * straight on to the pair replay ({@link #READY}); events that leave their target to the parent
 * post to {@link ResolveTargets} ({@link #TO_RESOLVE}), with the slim {@link PostClaim} of each
 * created post they may name; and each explicit id's {@link IdClaim}, which deduplication joins on.
 *
 * <p>Two filters, built from what the read saw of all events before any is routed, keep the claims
 * few: a post claim goes on only when some pending event may name the post ({@link
 * PendingParents}), and an id claim only when the id may occur more than once ({@link
 * RepeatedIds}). An event whose id occurs once is kept as it is, and when it cannot be resolved it
 * is counted here, once, as an id-less one is. The first filter also says how many pending events a
 * post may have: pending events go out keyed by their parent and a group among its pending events,
 * and a post's claim to each of its groups, so that resolution is a single grouping.
 *
 * <p>Why one pass: on Flink's batch runner every step that reads all events, and every extra output
 * of such a step, writes and reads all of them once more. Here the events are written twice (ready,
 * and one tagged side output for the rest, {@link SideOutputs}); then they are grouped once, by
 * pair. Deduplication by id groups only the claims ({@link DeduplicateEvents}).
 *
 * <p>Input: everything read ({@link ReadInputs#ALL_OUTPUTS}), of which it takes the events, copies
 * included, targets still open where the input left them so.
 */
public final class RouteEvents extends PTransform<PCollection<RawUnionValue>, PCollectionTuple> {
  /** Events with a target, and posts: ready for the pair replay. */
  public static final TupleTag<Event> READY = new TupleTag<>() {};

  /**
   * Events of any type but post whose target is null and that name a parent post, keyed by the
   * parent and their group among its pending events ({@link PendingParents.Index#bucket}); and
   * beside them what each event that created a post says of it, once for each group of the post's
   * pending events.
   */
  public static final TupleTag<KV<KV<String, Integer>, ResolutionInput>> TO_RESOLVE =
      new TupleTag<>() {};

  /**
   * Per explicit event id that may repeat, one claim per event that has it, but those sent on to be
   * resolved.
   */
  public static final TupleTag<KV<String, IdClaim>> ID_CLAIMS = new TupleTag<>() {};

  /**
   * {@code events.unresolved_target.<type>} of pending events without a parent whose id, if any,
   * occurs once.
   */
  public static final TupleTag<KV<String, Long>> TALLIES = new TupleTag<>() {};

  /** A post id and a group of its pending events. */
  static final KvCoder<String, Integer> PARENT_BUCKET_CODER =
      KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of());

  private final PCollectionView<PendingParents.Index> pendingParents;
  private final PCollectionView<Iterable<RepeatedIds.Shard>> repeatedIds;

  /**
   * @param pendingParents the parent ids of all pending events ({@link PendingParents})
   * @param repeatedIds the explicit ids that may occur more than once ({@link RepeatedIds})
   */
  public RouteEvents(
      PCollectionView<PendingParents.Index> pendingParents,
      PCollectionView<Iterable<RepeatedIds.Shard>> repeatedIds) {
    this.pendingParents = pendingParents;
    this.repeatedIds = repeatedIds;
  }

  @Override
  public PCollectionTuple expand(PCollection<RawUnionValue> records) {
    SideOutputs side =
        SideOutputs.create()
            .and(TO_RESOLVE, KvCoder.of(PARENT_BUCKET_CODER, ResolutionInput.Coder.of()))
            .and(ID_CLAIMS, KvCoder.of(StringUtf8Coder.of(), IdClaim.Coder.of()))
            .and(TALLIES, KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    PCollectionTuple routed =
        records.apply(
            "Route each event",
            ParDo.of(new RouteFn(side, pendingParents, repeatedIds))
                .withSideInputs(pendingParents, repeatedIds)
                .withOutputTags(READY, TupleTagList.of(side.tag())));
    routed.get(READY).setCoder(RecordCoders.event());
    side.setCoder(routed);
    return side.split(routed, "Pending, claims and unresolved").and(READY, routed.get(READY));
  }

  /** Whether the event leaves its target to its parent post: any type but post, no target. */
  static boolean isPending(Event event) {
    return event.getTarget() == null && !event.getType().equals("post");
  }

  /**
   * The id the pair replay gets for an event whose own id, file and line it does not need ({@link
   * #forReplay}). No input gives it: an empty string is a missing field (SPEC "Input").
   */
  static final String ID_NOT_CARRIED = "";

  /**
   * The event as the pair replay needs it, with what it does not need left out. In a Bluesky dump
   * an event's id and file are half its bytes, and the replay's grouping sorts every event.
   *
   * <ul>
   *   <li>A record without an id goes as it is: the replay computes its SPEC id from every field,
   *       file and line ({@link IdlessCopies}).
   *   <li>An event with its own id goes without post and parent ids, which only that computation
   *       reads; its claim, if any, already holds the digest of its content.
   *   <li>It also goes without its id, file and line ({@link #ID_NOT_CARRIED}) when its id occurs
   *       once ({@code mightRepeat} false: no copy to leave out by them) and it is no follow or
   *       unfollow: the replay orders the events of one pair and instant by type, then id (SPEC
   *       "The follow replay"), and only the order of follows and unfollows changes a row. Every
   *       other measure reads instants and counts.
   * </ul>
   *
   * @param mightRepeat whether {@link RepeatedIds} says the event's id may occur more than once
   */
  static Event forReplay(Event event, boolean mightRepeat) {
    if (event.getEventId() == null) {
      return event;
    }
    boolean idNeeded =
        mightRepeat || event.getType().equals("follow") || event.getType().equals("unfollow");
    return new Event(
        idNeeded ? event.getEventId() : ID_NOT_CARRIED,
        event.getType(),
        event.getActor(),
        event.getTarget(),
        null,
        null,
        event.getTs(),
        idNeeded ? event.getSource() : ID_NOT_CARRIED,
        idNeeded ? event.getLine() : 0L);
  }

  /** The parent post id of a pending event that names one, else null. */
  static String pendingParent(Event event) {
    return isPending(event) ? event.getParentId() : null;
  }

  static final class RouteFn extends DoFn<RawUnionValue, Event> {
    private final SideOutputs side;
    private final CachedSideInput<PendingParents.Index, PendingParents.Index> pendingParents;
    private final CachedSideInput<Iterable<RepeatedIds.Shard>, RepeatedIds.Filter> repeatedIds;

    RouteFn(
        SideOutputs side,
        PCollectionView<PendingParents.Index> pendingParents,
        PCollectionView<Iterable<RepeatedIds.Shard>> repeatedIds) {
      this.side = side;
      this.pendingParents = CachedSideInput.of(pendingParents);
      this.repeatedIds = CachedSideInput.of(repeatedIds, RepeatedIds.Filter::of);
    }

    @ProcessElement
    public void process(ProcessContext c) {
      Event event = ReadInputs.eventOf(c.element());
      if (event == null) {
        return; // split off the records by the read, with all but the events
      }
      boolean mightRepeat =
          event.getEventId() != null && repeatedIds.get(c).mightRepeat(event.getEventId());
      PendingParents.Index parents = pendingParents.get(c);
      if (!isPending(event)) {
        c.output(forReplay(event, mightRepeat));
        if (mightRepeat) {
          c.output(side.tag(), side.of(ID_CLAIMS, KV.of(event.getEventId(), IdClaim.of(event))));
        }
      } else if (event.getParentId() != null) {
        KV<String, Integer> group = KV.of(event.getParentId(), parents.bucket(event));
        c.output(side.tag(), side.of(TO_RESOLVE, KV.of(group, ResolutionInput.pending(event))));
      } else if (mightRepeat) {
        // Counted as unresolved once per id, by deduplication, as if its copies had been dropped
        // first.
        c.output(
            side.tag(), side.of(ID_CLAIMS, KV.of(event.getEventId(), IdClaim.ofUnresolved(event))));
      } else {
        c.output(side.tag(), side.of(TALLIES, ResolveTargets.unresolved(event.getType())));
      }
      // Every event that created a post claims it, pending ones included, so a comment whose own
      // target is still open still names its author to its replies. The claim goes to each group
      // of the post's pending events: one for all but viral posts.
      String postId = event.getPostId();
      if (postId != null && parents.mightBeParent(postId)) {
        ResolutionInput claim =
            ResolutionInput.claim(
                new PostClaim(
                    event.getType(),
                    event.getActor(),
                    event.getTarget(),
                    event.getSource(),
                    event.getLine()));
        for (int bucket = parents.buckets(postId) - 1; bucket >= 0; bucket--) {
          c.output(side.tag(), side.of(TO_RESOLVE, KV.of(KV.of(postId, bucket), claim)));
        }
      }
    }
  }
}
