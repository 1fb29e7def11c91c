package org.dunbar.canonical;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.dunbar.coders.CachedSideInput;
import org.dunbar.coders.RecordCoders;
import org.dunbar.coders.SideOutputs;
import org.dunbar.model.Utf8Order;
import org.dunbar.records.Event;
import org.dunbar.records.PostClaim;

/**
 * Fills in the target an event left to the parent post, across the whole input (SPEC "Targets
 * resolved from the parent post", "A record is never rejected for what it only references").
 *
 * <p><b>Where it sits.</b> On the pending events and post claims that {@link RouteEvents} splits
 * off the events read, before deduplication and the pair replay: copies of a pending record resolve
 * alike (same parent, same claim), so they then meet as copies — by their {@link IdClaim}s when
 * they have their own id, in the pair replay when they have none, where their SPEC id is computed
 * with the resolved target. An unresolved event whose own id may repeat ({@link RepeatedIds}) is
 * counted once per id (by {@link DeduplicateEvents}, as if its copies had been dropped first); one
 * whose id occurs once, or without an id, once per copy read (its copies never meet).
 *
 * <p><b>The rule.</b> An event of any type but {@code post} whose {@code target} is null is
 * <em>pending</em>. Its target becomes the actor of the event whose {@code post_id} equals its
 * {@code parent_id}, from any file and any format; when several events claim that post id, the
 * first in (source, line) order decides (UTF-8 order of the source path, then line, then the
 * claiming event's actor and type). Every event with a {@code post_id} claims it, pending ones
 * included. An {@code unfollow} instead takes the target of the {@code follow} claiming its parent
 * (the follow record it deletes, as a Bluesky unfollow names it), and only when that follow has the
 * same actor. A pending event whose parent no event claims is dropped and counted as {@code
 * events.unresolved_target.<type>}: skipped, never rejected (SPEC "Not every valid object is an
 * interaction").
 *
 * <p><b>What it shuffles.</b> Only pending events, plus the slim {@link PostClaim}s of the posts
 * they may name ({@link RouteEvents} sends no others), in one grouping by parent and group, read in
 * one pass ({@link ResolutionInput}): {@link RouteEvents} spreads the pending events of one parent
 * over groups of about {@value PendingParents#PENDING_PER_BUCKET} and sends every claim of the post
 * to each, and each group keeps its first claim and its pending events (never more than about that
 * many), so a viral post's replies are never held at once, however many events claim it.
 *
 * <p>Input: {@link RouteEvents}' output ({@link RouteEvents#TO_RESOLVE}). Out: the resolved events
 * ({@link #EVENTS}), which change in nothing but {@code target}, the {@link IdClaim}s of those
 * whose own id may repeat, and the unresolved tallies.
 */
public final class ResolveTargets extends PTransform<PCollectionTuple, PCollectionTuple> {
  /** The pending events whose target was found, with it filled in. */
  public static final TupleTag<Event> EVENTS = new TupleTag<>() {};

  /**
   * Per explicit event id that may repeat, the claim of each pending event that has one, resolved
   * or not.
   */
  public static final TupleTag<KV<String, IdClaim>> ID_CLAIMS = new TupleTag<>() {};

  /**
   * {@code events.unresolved_target.<type>} of events whose id, if any, occurs once, to be summed
   * per name.
   */
  public static final TupleTag<KV<String, Long>> TALLIES = new TupleTag<>() {};

  /** The tally name prefix; the event type follows. */
  public static final String UNRESOLVED = "events.unresolved_target.";

  private static final KvCoder<String, Long> TALLY_CODER =
      KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of());

  private final PCollectionView<Iterable<RepeatedIds.Shard>> repeatedIds;

  /**
   * @param repeatedIds the explicit ids that may occur more than once ({@link RepeatedIds})
   */
  public ResolveTargets(PCollectionView<Iterable<RepeatedIds.Shard>> repeatedIds) {
    this.repeatedIds = repeatedIds;
  }

  @Override
  public PCollectionTuple expand(PCollectionTuple routed) {
    SideOutputs side =
        SideOutputs.create()
            .and(ID_CLAIMS, KvCoder.of(StringUtf8Coder.of(), IdClaim.Coder.of()))
            .and(TALLIES, TALLY_CODER);
    PCollectionTuple resolved =
        routed
            .get(RouteEvents.TO_RESOLVE)
            .apply("Pending with claims", GroupByKey.create())
            .apply(
                "Resolve",
                ParDo.of(new ResolveFn(side, repeatedIds))
                    .withSideInputs(repeatedIds)
                    .withOutputTags(EVENTS, TupleTagList.of(side.tag())));
    resolved.get(EVENTS).setCoder(RecordCoders.event());
    side.setCoder(resolved);
    PCollectionTuple split = side.split(resolved, "Claims and unresolved");
    return PCollectionTuple.of(EVENTS, resolved.get(EVENTS))
        .and(ID_CLAIMS, split.get(ID_CLAIMS))
        .and(
            TALLIES,
            PCollectionList.of(routed.get(RouteEvents.TALLIES))
                .and(split.get(TALLIES))
                .apply("All unresolved", Flatten.pCollections()));
  }

  /** The tally of one event of this type whose target cannot be resolved. */
  static KV<String, Long> unresolved(String type) {
    return KV.of(UNRESOLVED + type, 1L);
  }

  /** The target a claim gives a pending event, or null when it gives none. */
  static String targetFrom(PostClaim claim, Event pending) {
    if (!pending.getType().equals("unfollow")) {
      return claim.getActor();
    }
    // An unfollow deletes a follow record: it unfollows whom that follow followed, and only the
    // follower can delete its own follow.
    boolean ownFollow =
        claim.getType().equals("follow") && claim.getActor().equals(pending.getActor());
    return ownFollow ? claim.getTarget() : null;
  }

  /**
   * (source, line) order, then actor and type so that claims read from one line still have an
   * order.
   */
  static final Comparator<PostClaim> CLAIM_ORDER =
      Comparator.comparing(PostClaim::getSource, Utf8Order.COMPARATOR)
          .thenComparingLong(PostClaim::getLine)
          .thenComparing(PostClaim::getActor, Utf8Order.COMPARATOR)
          .thenComparing(PostClaim::getType);

  /**
   * Gives each pending event of one group its target (and its id claim), or counts it as
   * unresolved.
   */
  static final class ResolveFn
      extends DoFn<KV<KV<String, Integer>, Iterable<ResolutionInput>>, Event> {
    private final SideOutputs side;
    private final CachedSideInput<Iterable<RepeatedIds.Shard>, RepeatedIds.Filter> repeatedIds;

    ResolveFn(SideOutputs side, PCollectionView<Iterable<RepeatedIds.Shard>> repeatedIds) {
      this.side = side;
      this.repeatedIds = CachedSideInput.of(repeatedIds, RepeatedIds.Filter::of);
    }

    @ProcessElement
    public void process(ProcessContext c) {
      // One pass: the claims in any number, of which only the first is kept; the pending events,
      // about PENDING_PER_BUCKET at most, kept until the first claim is known.
      PostClaim claim = null;
      List<Event> pending = new ArrayList<>();
      for (ResolutionInput input : c.element().getValue()) {
        if (input.isPending()) {
          pending.add(input.pending());
        } else if (claim == null || CLAIM_ORDER.compare(input.claim(), claim) < 0) {
          claim = input.claim();
        }
      }
      for (Event event : pending) {
        String target = claim == null ? null : targetFrom(claim, event);
        boolean mightRepeat =
            event.getEventId() != null && repeatedIds.get(c).mightRepeat(event.getEventId());
        if (target == null && mightRepeat) {
          c.output(
              side.tag(),
              side.of(ID_CLAIMS, KV.of(event.getEventId(), IdClaim.ofUnresolved(event))));
          continue;
        }
        if (target == null) {
          c.output(side.tag(), side.of(TALLIES, unresolved(event.getType())));
          continue;
        }
        Event resolved = Event.newBuilder(event).setTarget(target).build();
        c.output(RouteEvents.forReplay(resolved, mightRepeat));
        if (mightRepeat) {
          c.output(
              side.tag(), side.of(ID_CLAIMS, KV.of(resolved.getEventId(), IdClaim.of(resolved))));
        }
      }
    }
  }
}
