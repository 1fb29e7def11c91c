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
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.dunbar.coders.RecordCoders;
import org.dunbar.coders.SideOutputs;
import org.dunbar.records.Event;
import org.dunbar.records.PostClaim;

/**
 * Fills in the target an event left to the parent post, across the whole input (SPEC "Targets
 * resolved from the parent post", "A record is never rejected for what it only references").
 *
 * <p><b>Where it sits.</b> After {@link DeduplicateEvents} has kept one event per explicit id, and
 * before the pair replay, whose grouping needs the target and drops the copies of records without
 * an id. Copies of such a record resolve alike (same parent, same claim), so they still meet as
 * copies, and their SPEC id is computed there with the resolved target; a pending event read twice
 * is resolved, or counted as unresolved, once per copy.
 *
 * <p><b>The rule.</b> An event of any type but {@code post} whose {@code target} is null is
 * <em>pending</em>. Its target becomes the actor of the event whose {@code post_id} equals its
 * {@code parent_id}, from any file and any format; when several distinct events claim that post id,
 * the first in (source, line) order decides (UTF-8 order of the source path, then line, then the
 * claiming event's actor and type). Every event with a {@code post_id} claims it, pending ones
 * included, so a comment whose own target is still open still names its author to its replies. An
 * {@code unfollow} instead takes the target of the {@code follow} claiming its parent (the follow
 * record it deletes, as a Bluesky unfollow names it), and only when that follow has the same actor.
 * A pending event without a parent, or whose parent no event claims, is dropped and counted as
 * {@code events.unresolved_target.<type>} in {@link #TALLIES}: skipped, never rejected (SPEC "Not
 * every valid object is an interaction").
 *
 * <p><b>What it shuffles.</b> Events that already have a target (and posts) pass straight through
 * to {@link #EVENTS}: they take part in no join. Only pending events are shuffled whole, plus a slim
 * index of {@link PostClaim}s (post id, actor, target, source, line) reduced to one per post id by a
 * combiner. The pending events of one parent are spread over {@value #BUCKETS} buckets by their
 * event id, and the parent's claim is copied only to the buckets that hold any of them, so no
 * group holds more than about 1/{@value #BUCKETS} of one popular post's replies (a Flink
 * CoGroupByKey cannot re-iterate a group, and materialises up to 10,000 values of it at once).
 *
 * <p>Input and {@link #EVENTS}: {@link Event}s with their ids; every event out has a target unless
 * it is a post. Resolution changes nothing but {@code target}.
 */
public final class ResolveTargets extends PTransform<PCollection<Event>, PCollectionTuple> {
  /** The events the analyses read: every input event but the unresolved ones, targets filled in. */
  public static final TupleTag<Event> EVENTS = new TupleTag<>() {};
  /** {@code events.unresolved_target.<type>}, to be summed per name. */
  public static final TupleTag<KV<String, Long>> TALLIES = new TupleTag<>() {};

  /** How many groups the pending events of one parent are spread over. */
  static final int BUCKETS = 1024;
  /** The tally name prefix; the event type follows. */
  public static final String UNRESOLVED = "events.unresolved_target.";

  private static final TupleTag<Event> PENDING = new TupleTag<>() {};
  private static final TupleTag<PostClaim> CLAIM = new TupleTag<>() {};
  private static final TupleTag<KV<String, PostClaim>> CLAIM_OF_POST = new TupleTag<>() {};
  private static final TupleTag<Integer> BUCKET = new TupleTag<>() {};

  private static final KvCoder<String, Long> TALLY_CODER = KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
  private static final KvCoder<String, Integer> SLOT_CODER = KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of());

  @Override
  public PCollectionTuple expand(PCollection<Event> events) {
    SideOutputs side = SideOutputs.create()
        .and(PENDING, events.getCoder())
        .and(CLAIM_OF_POST, KvCoder.of(StringUtf8Coder.of(), RecordCoders.postClaim()))
        .and(TALLIES, TALLY_CODER);
    PCollectionTuple routed = events.apply("Split off pending events and post claims",
        ParDo.of(new SplitFn(side)).withOutputTags(EVENTS, TupleTagList.of(side.tag())));
    routed.get(EVENTS).setCoder(events.getCoder());
    side.setCoder(routed);
    PCollectionTuple split = side.split(routed, "Pending, claims and unresolved").and(EVENTS, routed.get(EVENTS));
    PCollection<Event> pending = split.get(PENDING);

    PCollection<KV<String, PostClaim>> claims = split.get(CLAIM_OF_POST)
        .apply("First claim per post", Min.perKey(new ClaimOrder()));
    PCollection<KV<String, Integer>> buckets = pending
        .apply("Parent and bucket", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.integers()))
            .via(e -> KV.of(e.getParentId(), bucket(e))))
        .setCoder(SLOT_CODER)
        .apply("Buckets in use", Distinct.create());
    PCollection<KV<KV<String, Integer>, PostClaim>> claimsPerBucket = KeyedPCollectionTuple
        .of(CLAIM, claims)
        .and(BUCKET, buckets)
        .apply("Claims with buckets", CoGroupByKey.create())
        .apply("Copy claim to buckets", ParDo.of(new CopyClaimFn()))
        .setCoder(KvCoder.of(SLOT_CODER, RecordCoders.postClaim()));
    PCollection<KV<KV<String, Integer>, Event>> pendingPerBucket = pending
        .apply("Key by parent and bucket", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.integers()), TypeDescriptor.of(Event.class)))
            .via(e -> KV.of(KV.of(e.getParentId(), bucket(e)), e)))
        .setCoder(KvCoder.of(SLOT_CODER, events.getCoder()));
    PCollectionTuple resolved = KeyedPCollectionTuple
        .of(CLAIM, claimsPerBucket)
        .and(PENDING, pendingPerBucket)
        .apply("Pending with claims", CoGroupByKey.create())
        .apply("Resolve", ParDo.of(new ResolveFn()).withOutputTags(EVENTS, TupleTagList.of(TALLIES)));
    resolved.get(EVENTS).setCoder(events.getCoder());
    resolved.get(TALLIES).setCoder(TALLY_CODER);

    return PCollectionTuple
        .of(EVENTS, PCollectionList.of(split.get(EVENTS)).and(resolved.get(EVENTS)).apply("All events", Flatten.pCollections()))
        .and(TALLIES, PCollectionList.of(split.get(TALLIES)).and(resolved.get(TALLIES)).apply("All unresolved", Flatten.pCollections()));
  }

  /**
   * The bucket of a pending event, the same on every worker: from its id, or for a record without
   * one from its fields, so that its copies (dropped later, in the pair replay) share a bucket.
   */
  static int bucket(Event event) {
    int hash = event.getEventId() != null ? event.getEventId().hashCode()
        : Objects.hash(event.getType(), event.getActor(), event.getPostId(), event.getParentId(), event.getTs());
    return Math.floorMod(hash, BUCKETS);
  }

  /** The target a claim gives a pending event, or null when it gives none. */
  static String targetFrom(PostClaim claim, Event pending) {
    if (!pending.getType().equals("unfollow")) {
      return claim.getActor();
    }
    // An unfollow deletes a follow record: it unfollows whom that follow followed, and only the
    // follower can delete its own follow.
    boolean ownFollow = claim.getType().equals("follow") && claim.getActor().equals(pending.getActor());
    return ownFollow ? claim.getTarget() : null;
  }

  private static KV<String, Long> unresolved(Event event) {
    return KV.of(UNRESOLVED + event.getType(), 1L);
  }

  /**
   * Passes on what needs no join; sends pending events on; counts those that can never resolve;
   * and gives the slim index entry of each event that created a post. One pass over the events:
   * all but the first go out as one side output ({@link SideOutputs}).
   */
  static final class SplitFn extends DoFn<Event, Event> {
    private final SideOutputs side;

    SplitFn(SideOutputs side) {
      this.side = side;
    }

    @ProcessElement
    public void process(@Element Event event, MultiOutputReceiver out) {
      if (event.getTarget() != null || event.getType().equals("post")) {
        out.get(EVENTS).output(event);
      } else if (event.getParentId() != null) {
        out.get(side.tag()).output(side.of(PENDING, event));
      } else {
        out.get(side.tag()).output(side.of(TALLIES, unresolved(event)));
      }
      if (event.getPostId() != null) {
        out.get(side.tag()).output(side.of(CLAIM_OF_POST, KV.of(event.getPostId(), new PostClaim(
            event.getType(), event.getActor(), event.getTarget(), event.getSource(), event.getLine()))));
      }
    }
  }

  /** (source, line) order, then actor and type so that claims read from one line still have an order. */
  static final class ClaimOrder implements Comparator<PostClaim>, Serializable {
    private static final long serialVersionUID = 1L;
    private static final Comparator<PostClaim> ORDER = Comparator
        .comparing(PostClaim::getSource, Utf8Order.COMPARATOR)
        .thenComparingLong(PostClaim::getLine)
        .thenComparing(PostClaim::getActor, Utf8Order.COMPARATOR)
        .thenComparing(PostClaim::getType);

    @Override
    public int compare(PostClaim a, PostClaim b) {
      return ORDER.compare(a, b);
    }
  }

  /** Copies a post's claim to each bucket of its pending events (at most {@value #BUCKETS} values in a group). */
  static final class CopyClaimFn extends DoFn<KV<String, CoGbkResult>, KV<KV<String, Integer>, PostClaim>> {
    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> post, OutputReceiver<KV<KV<String, Integer>, PostClaim>> out) {
      PostClaim claim = post.getValue().getOnly(CLAIM, null);
      if (claim != null) {
        for (Integer bucket : post.getValue().getAll(BUCKET)) {
          out.output(KV.of(KV.of(post.getKey(), bucket), claim));
        }
      }
    }
  }

  /** Gives each pending event of one bucket its target, or counts it as unresolved. */
  static final class ResolveFn extends DoFn<KV<KV<String, Integer>, CoGbkResult>, Event> {
    @ProcessElement
    public void process(@Element KV<KV<String, Integer>, CoGbkResult> group, MultiOutputReceiver out) {
      PostClaim claim = group.getValue().getOnly(CLAIM, null);
      for (Event event : group.getValue().getAll(PENDING)) {
        String target = claim == null ? null : targetFrom(claim, event);
        if (target == null) {
          out.get(TALLIES).output(unresolved(event));
        } else {
          out.get(EVENTS).output(Event.newBuilder(event).setTarget(target).build());
        }
      }
    }
  }
}
