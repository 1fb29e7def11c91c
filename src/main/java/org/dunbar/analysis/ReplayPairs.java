package org.dunbar.analysis;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.dunbar.canonical.DeduplicateEvents;
import org.dunbar.canonical.IdClaim;
import org.dunbar.canonical.IdlessCopies;
import org.dunbar.canonical.UniqueEvents;
import org.dunbar.coders.RecordCoders;
import org.dunbar.coders.SideOutputs;
import org.dunbar.model.InteractionType;
import org.dunbar.records.AccountPeriod;
import org.dunbar.records.Event;
import org.dunbar.records.FollowFact;

/**
 * Groups every event, and every baseline edge, by unordered account pair (posts by author and day)
 * and runs {@link PairReplay} on each pair. Its outputs feed every analysis downstream.
 *
 * <p>This is the study's one shuffle of all events, so it does everything that needs them: it drops
 * copies of id-less records ({@link IdlessCopies}: copies share their pair) and the copies of
 * records with their own id that {@link DeduplicateEvents} named, counts posts and interactions
 * sent and received, and replays the pair. Everything it reports is summed per key within the
 * bundle first ({@link PairFindings}), so what leaves it is a few values per account and period,
 * not one per event.
 */
public final class ReplayPairs extends PTransform<PCollectionTuple, PCollectionTuple> {
  /** Every effective follow, with its reason when rules 1–4 decided it. */
  public static final TupleTag<FollowFact> FOLLOWS = new TupleTag<>() {};

  /**
   * Follow/unfollow events and losses per (followee, period), as {@link GrowthMeasure}s; gains come
   * from {@link AttributeGrowth}.
   */
  public static final TupleTag<KV<AccountPeriod, long[]>> GROWTH = new TupleTag<>() {};

  /**
   * Posts, interactions sent and received, engagers, partners and reply-back per (account, period),
   * as {@link ActivityMeasure}s.
   */
  public static final TupleTag<KV<AccountPeriod, long[]>> ACTIVITY = new TupleTag<>() {};

  public static final TupleTag<InteractionEdge> EDGES = new TupleTag<>() {};

  /** Per layer, the {@link LayerMeasure}s summed over pairs. */
  public static final TupleTag<KV<String, long[]>> LAYERS = new TupleTag<>() {};

  /**
   * Per account, a bit set of the layers (bit i: {@link LayerMeasure#LAYERS}[i]) in which it is a
   * node.
   */
  public static final TupleTag<KV<String, Long>> NODE_LAYERS = new TupleTag<>() {};

  /** Per account, {reciprocal partners, directed interactions sent to them}. */
  public static final TupleTag<KV<String, long[]>> PARTNERS = new TupleTag<>() {};

  /** {@code events.unique} and {@code events.duplicates} (copies of id-less records). */
  public static final TupleTag<KV<String, Long>> TALLIES = new TupleTag<>() {};

  /**
   * The findings that are few next to follows, edges and activity travel as one output ({@link
   * SideOutputs}): every output of the replay is one more reader of all it writes on Flink.
   */
  private static final SideOutputs SIDE =
      SideOutputs.create()
          .and(GROWTH, perPeriodCoder())
          .and(LAYERS, KvCoder.of(StringUtf8Coder.of(), CountVector.Coder.of()))
          .and(NODE_LAYERS, KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
          .and(PARTNERS, KvCoder.of(StringUtf8Coder.of(), CountVector.Coder.of()))
          .and(TALLIES, KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));

  private final AnalysisParams params;
  private final PCollection<KV<String, String>> baseline;

  /**
   * @param baseline distinct baseline edges (follower, followee)
   */
  public ReplayPairs(AnalysisParams params, PCollection<KV<String, String>> baseline) {
    this.params = params;
    this.baseline = baseline;
  }

  /**
   * @param events {@link UniqueEvents}' output: the events in parts, each keyed on its own (so that
   *     on Flink the keying chains to the step that made the part instead of reading a union of
   *     them all), and the claims of the copies to leave out
   */
  @Override
  public PCollectionTuple expand(PCollectionTuple events) {
    KvCoder<PairKey, PairInput> keyed = KvCoder.of(PairKey.Coder.of(), PairInput.Coder.of());
    PCollectionList<KV<PairKey, PairInput>> inputs = PCollectionList.empty(events.getPipeline());
    for (TupleTag<Event> part : List.of(UniqueEvents.READY, UniqueEvents.RESOLVED)) {
      inputs =
          inputs.and(
              events
                  .get(part)
                  .apply(
                      "Key "
                          + (part == UniqueEvents.READY ? "ready" : "resolved")
                          + " events by pair",
                      MapElements.into(new TypeDescriptor<KV<PairKey, PairInput>>() {})
                          .via(e -> KV.of(keyOf(e), PairInput.of(e))))
                  .setCoder(keyed));
    }
    PCollection<KV<PairKey, PairInput>> baselineByPair =
        baseline
            .apply(
                "Key baseline by pair",
                MapElements.into(new TypeDescriptor<KV<PairKey, PairInput>>() {})
                    .via(
                        edge ->
                            KV.of(
                                PairKey.of(edge.getKey(), edge.getValue()),
                                PairInput.baselineEdge(edge.getKey(), edge.getValue()))))
            .setCoder(keyed);
    PCollection<KV<PairKey, PairInput>> droppedByPair =
        events
            .get(UniqueEvents.DROPPED_COPIES)
            .apply(
                "Key dropped copies by pair",
                MapElements.into(new TypeDescriptor<KV<PairKey, PairInput>>() {})
                    .via(
                        copy ->
                            KV.of(
                                keyOf(copy.type(), copy.actor(), copy.target(), copy.ts()),
                                PairInput.dropped(copy))))
            .setCoder(keyed);
    PCollectionTuple out =
        inputs
            .and(baselineByPair)
            .and(droppedByPair)
            .apply("Events, baseline and dropped copies", Flatten.pCollections())
            .apply("Group by pair", GroupByKey.create())
            // No side input here: on Flink it would keep this step from chaining to the grouping,
            // and every pair's events would be written out and read back between the two.
            .apply(
                "Replay each pair",
                ParDo.of(new ReplayFn(params))
                    .withOutputTags(
                        FOLLOWS, TupleTagList.of(List.of(ACTIVITY, EDGES, SIDE.tag()))));
    out.get(FOLLOWS).setCoder(RecordCoders.followFact());
    out.get(ACTIVITY).setCoder(perPeriodCoder());
    out.get(EDGES).setCoder(InteractionEdge.Coder.of());
    SIDE.setCoder(out);
    return SIDE.split(out, "Split the few findings")
        .and(FOLLOWS, out.get(FOLLOWS))
        .and(ACTIVITY, out.get(ACTIVITY))
        .and(EDGES, out.get(EDGES));
  }

  private static KvCoder<AccountPeriod, long[]> perPeriodCoder() {
    return KvCoder.of(RecordCoders.accountPeriod(), CountVector.Coder.of());
  }

  /**
   * Posts have no second account: they group by author and day, which is all their copies share
   * with each other.
   */
  static PairKey keyOf(Event e) {
    return keyOf(e.getType(), e.getActor(), e.getTarget(), e.getTs());
  }

  private static PairKey keyOf(String type, String actor, String target, long ts) {
    return InteractionType.of(type) == InteractionType.POST
        ? PairKey.postsOf(actor, PeriodUnit.epochDay(ts))
        : PairKey.of(actor, target);
  }

  static final class ReplayFn extends DoFn<KV<PairKey, Iterable<PairInput>>, FollowFact> {
    private final AnalysisParams params;

    /** Sums of this bundle's findings, emitted when full and when the bundle ends. */
    private transient PairFindings findings;

    ReplayFn(AnalysisParams params) {
      this.params = params;
    }

    @StartBundle
    public void startBundle() {
      findings = new PairFindings(params.period());
    }

    /** Sends each finding to its output, or inside the side output that carries it. */
    private static PairFindings.Emitter throughSide(PairFindings.Emitter out) {
      return new PairFindings.Emitter() {
        @Override
        public <T> void output(TupleTag<T> tag, T value) {
          if (SIDE.carries(tag)) {
            out.output(SIDE.tag(), SIDE.of(tag, value));
          } else {
            out.output(tag, value);
          }
        }
      };
    }

    @ProcessElement
    public void process(ProcessContext c) {
      PairKey key = c.element().getKey();
      List<Event> events = new ArrayList<>();
      List<IdClaim> dropped = new ArrayList<>(0);
      boolean[] baseline = new boolean[2];
      for (PairInput input : c.element().getValue()) {
        if (input.isEvent()) {
          events.add(input.event());
        } else if (input.isDroppedCopy()) {
          dropped.add(input.droppedCopy());
        } else {
          baseline[input.baselineFollower().equals(key.first()) ? 0 : 1] = true;
        }
      }
      dropped.forEach(copy -> leaveOut(copy, events));
      IdlessCopies.Kept kept = IdlessCopies.keepFirst(events);
      findings.emitTo(throughSide(c::output));
      findings.tally("events.unique", kept.unique().size());
      findings.tally("events.duplicates", kept.duplicates());
      if (key.isPosts()) {
        kept.unique().forEach(findings::post);
        return;
      }
      new PairReplay(params).replay(key.first(), key.second(), kept.unique(), baseline, findings);
    }

    /** Removes the one event that made the claim (copies alike to the replay: any of them). */
    private static void leaveOut(IdClaim copy, List<Event> events) {
      for (Iterator<Event> it = events.iterator(); it.hasNext(); ) {
        Event event = it.next();
        if (copy.madeBy(event)) {
          it.remove();
          return;
        }
      }
      throw new IllegalStateException(
          "the copy of event "
              + copy.eventId()
              + " at "
              + copy.source()
              + ":"
              + copy.line()
              + " to leave out is not among its pair's events");
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) {
      findings.emitTo(
          throughSide(
              new PairFindings.Emitter() {
                @Override
                public <T> void output(TupleTag<T> tag, T value) {
                  c.output(tag, value, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
                }
              }));
      findings.flush();
    }
  }
}
