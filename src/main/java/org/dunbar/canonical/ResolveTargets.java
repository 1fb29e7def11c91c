package org.dunbar.canonical;

import java.io.Serializable;
import java.util.Comparator;
import java.util.Objects;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Min;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
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
 * <p><b>Where it sits.</b> On the pending events and post claims that {@link RouteEvents} split off
 * the events read, before deduplication and the pair replay: copies of a pending record resolve
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
 * <p><b>What it shuffles.</b> Only pending events, plus the slim index of {@link PostClaim}s of the
 * posts they may name ({@link RouteEvents} sends no others), reduced to one per post id by a
 * combiner. The pending events of one parent are spread over {@value #BUCKETS} buckets by their
 * event id, and the parent's claim is copied only to the buckets that hold any of them, so no group
 * holds more than about 1/{@value #BUCKETS} of one popular post's replies (a Flink CoGroupByKey
 * cannot re-iterate a group, and materialises up to 10,000 values of it at once).
 *
 * <p>Input: {@link RouteEvents}' output ({@link RouteEvents#PENDING}, {@link
 * RouteEvents#POST_CLAIMS}). Out: the resolved events ({@link #EVENTS}), which change in nothing
 * but {@code target}, the {@link IdClaim}s of those whose own id may repeat, and the unresolved
 * tallies.
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

  /** How many groups the pending events of one parent are spread over. */
  static final int BUCKETS = 1024;

  /** The tally name prefix; the event type follows. */
  public static final String UNRESOLVED = "events.unresolved_target.";

  private static final TupleTag<Event> PENDING = new TupleTag<>() {};
  private static final TupleTag<PostClaim> CLAIM = new TupleTag<>() {};
  private static final TupleTag<Integer> BUCKET = new TupleTag<>() {};

  private static final KvCoder<String, Long> TALLY_CODER =
      KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
  private static final KvCoder<String, Integer> SLOT_CODER =
      KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of());

  private final PCollectionView<RepeatedIds.Filter> repeatedIds;

  /**
   * @param repeatedIds the explicit ids that may occur more than once ({@link RepeatedIds})
   */
  public ResolveTargets(PCollectionView<RepeatedIds.Filter> repeatedIds) {
    this.repeatedIds = repeatedIds;
  }

  @Override
  public PCollectionTuple expand(PCollectionTuple routed) {
    PCollection<Event> pending = routed.get(RouteEvents.PENDING);
    PCollection<KV<String, Integer>> buckets =
        pending
            .apply(
                "Parent and bucket",
                MapElements.into(
                        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.integers()))
                    .via(e -> KV.of(e.getParentId(), bucket(e))))
            .setCoder(SLOT_CODER)
            .apply("Buckets in use", Distinct.create());
    PCollection<KV<String, PostClaim>> claims =
        routed
            .get(RouteEvents.POST_CLAIMS)
            .apply("First claim per post", Min.perKey(new ClaimOrder()));
    PCollection<KV<KV<String, Integer>, PostClaim>> claimsPerBucket =
        KeyedPCollectionTuple.of(CLAIM, claims)
            .and(BUCKET, buckets)
            .apply("Claims with buckets", CoGroupByKey.create())
            .apply("Copy claim to buckets", ParDo.of(new CopyClaimFn()))
            .setCoder(KvCoder.of(SLOT_CODER, RecordCoders.postClaim()));
    PCollection<KV<KV<String, Integer>, Event>> pendingPerBucket =
        pending
            .apply(
                "Key by parent and bucket",
                MapElements.into(
                        TypeDescriptors.kvs(
                            TypeDescriptors.kvs(
                                TypeDescriptors.strings(), TypeDescriptors.integers()),
                            TypeDescriptor.of(Event.class)))
                    .via(e -> KV.of(KV.of(e.getParentId(), bucket(e)), e)))
            .setCoder(KvCoder.of(SLOT_CODER, pending.getCoder()));
    SideOutputs side =
        SideOutputs.create()
            .and(ID_CLAIMS, KvCoder.of(StringUtf8Coder.of(), IdClaim.Coder.of()))
            .and(TALLIES, TALLY_CODER);
    PCollectionTuple resolved =
        KeyedPCollectionTuple.of(CLAIM, claimsPerBucket)
            .and(PENDING, pendingPerBucket)
            .apply("Pending with claims", CoGroupByKey.create())
            .apply(
                "Resolve",
                ParDo.of(new ResolveFn(side, repeatedIds))
                    .withSideInputs(repeatedIds)
                    .withOutputTags(EVENTS, TupleTagList.of(side.tag())));
    resolved.get(EVENTS).setCoder(pending.getCoder());
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

  /**
   * The bucket of a pending event, the same on every worker: from its id, or for a record without
   * one from its fields, so that its copies (dropped later, in the pair replay) share a bucket.
   */
  static int bucket(Event event) {
    int hash =
        event.getEventId() != null
            ? event.getEventId().hashCode()
            : Objects.hash(
                event.getType(),
                event.getActor(),
                event.getPostId(),
                event.getParentId(),
                event.getTs());
    return Math.floorMod(hash, BUCKETS);
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
  static final class ClaimOrder implements Comparator<PostClaim>, Serializable {
    private static final long serialVersionUID = 1L;
    private static final Comparator<PostClaim> ORDER =
        Comparator.comparing(PostClaim::getSource, Utf8Order.COMPARATOR)
            .thenComparingLong(PostClaim::getLine)
            .thenComparing(PostClaim::getActor, Utf8Order.COMPARATOR)
            .thenComparing(PostClaim::getType);

    @Override
    public int compare(PostClaim a, PostClaim b) {
      return ORDER.compare(a, b);
    }
  }

  /**
   * Copies a post's claim to each bucket of its pending events (at most {@value #BUCKETS} values in
   * a group).
   */
  static final class CopyClaimFn
      extends DoFn<KV<String, CoGbkResult>, KV<KV<String, Integer>, PostClaim>> {
    @ProcessElement
    public void process(
        @Element KV<String, CoGbkResult> post,
        OutputReceiver<KV<KV<String, Integer>, PostClaim>> out) {
      PostClaim claim = post.getValue().getOnly(CLAIM, null);
      if (claim != null) {
        for (Integer bucket : post.getValue().getAll(BUCKET)) {
          out.output(KV.of(KV.of(post.getKey(), bucket), claim));
        }
      }
    }
  }

  /**
   * Gives each pending event of one bucket its target (and its id claim), or counts it as
   * unresolved.
   */
  static final class ResolveFn extends DoFn<KV<KV<String, Integer>, CoGbkResult>, Event> {
    private final SideOutputs side;
    private final CachedSideInput<RepeatedIds.Filter> repeatedIds;

    ResolveFn(SideOutputs side, PCollectionView<RepeatedIds.Filter> repeatedIds) {
      this.side = side;
      this.repeatedIds = new CachedSideInput<>(repeatedIds);
    }

    @ProcessElement
    public void process(ProcessContext c) {
      KV<KV<String, Integer>, CoGbkResult> group = c.element();
      PostClaim claim = group.getValue().getOnly(CLAIM, null);
      for (Event event : group.getValue().getAll(PENDING)) {
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
        c.output(RouteEvents.forReplay(resolved));
        if (mightRepeat) {
          c.output(
              side.tag(), side.of(ID_CLAIMS, KV.of(resolved.getEventId(), IdClaim.of(resolved))));
        }
      }
    }
  }
}
