package org.dunbar.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.dunbar.canonical.Utf8Order;
import org.dunbar.records.AccountPeriod;
import org.dunbar.records.Event;
import org.dunbar.records.FollowFact;
import org.dunbar.tables.Table;

/**
 * Groups every event with a target, and every baseline edge, by unordered account pair and runs
 * {@link PairReplay} on each pair. Its outputs feed every analysis downstream.
 */
public final class ReplayPairs extends PTransform<PCollection<Event>, PCollectionTuple> {
  public static final TupleTag<FollowFact> FOLLOWS = new TupleTag<>() {};
  /** Follow/unfollow events and losses per (followee, period); gains come from {@link AttributeGrowth}. */
  public static final TupleTag<KV<AccountPeriod, long[]>> GROWTH = new TupleTag<>() {};
  /** Engagers, engaged followers, partners and reply-back counts per (account, period). */
  public static final TupleTag<KV<AccountPeriod, long[]>> ACTIVITY = new TupleTag<>() {};
  public static final TupleTag<GenericRecord> EDGES = new TupleTag<>() {};
  public static final TupleTag<KV<String, long[]>> LAYERS = new TupleTag<>() {};
  public static final TupleTag<KV<String, String>> LAYER_NODES = new TupleTag<>() {};
  /** (account, {1, directed interactions sent to that partner}) per reciprocal partner. */
  public static final TupleTag<KV<String, long[]>> PARTNERS = new TupleTag<>() {};

  private static final TupleTag<Event> EVENT = new TupleTag<>() {};
  private static final TupleTag<KV<String, String>> BASELINE = new TupleTag<>() {};

  private final AnalysisParams params;
  private final PCollection<KV<String, String>> baseline;
  private final PCollectionView<Long> lastEventTs;

  /**
   * @param baseline distinct baseline edges (follower, followee)
   * @param lastEventTs the last accepted event's instant, in epoch microseconds
   */
  public ReplayPairs(AnalysisParams params, PCollection<KV<String, String>> baseline, PCollectionView<Long> lastEventTs) {
    this.params = params;
    this.baseline = baseline;
    this.lastEventTs = lastEventTs;
  }

  @Override
  public PCollectionTuple expand(PCollection<Event> events) {
    KvCoder<String, String> pairCoder = KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());
    PCollection<KV<KV<String, String>, Event>> byPair = events
        .apply("Keep pair events", Filter.by(e -> e.getTarget() != null))
        .apply("Key events by pair", MapElements
            .into(new TypeDescriptor<KV<KV<String, String>, Event>>() {})
            .via(e -> KV.of(pair(e.getActor(), e.getTarget()), e)))
        .setCoder(KvCoder.of(pairCoder, AvroCoder.specific(Event.class)));
    PCollection<KV<KV<String, String>, KV<String, String>>> baselineByPair = baseline
        .apply("Key baseline by pair", MapElements
            .into(new TypeDescriptor<KV<KV<String, String>, KV<String, String>>>() {})
            .via(edge -> KV.of(pair(edge.getKey(), edge.getValue()), edge)))
        .setCoder(KvCoder.of(pairCoder, pairCoder));
    PCollectionTuple out = KeyedPCollectionTuple.of(EVENT, byPair)
        .and(BASELINE, baselineByPair)
        .apply("Group by pair", CoGroupByKey.create())
        .apply("Replay each pair", ParDo.of(new ReplayFn(params, lastEventTs))
            .withSideInputs(lastEventTs)
            .withOutputTags(FOLLOWS, TupleTagList.of(List.of(GROWTH, ACTIVITY, EDGES, LAYERS, LAYER_NODES, PARTNERS))));
    KvCoder<AccountPeriod, long[]> tallyCoder = KvCoder.of(AvroCoder.specific(AccountPeriod.class), Tally.Coder.of());
    out.get(FOLLOWS).setCoder(AvroCoder.specific(FollowFact.class));
    out.get(GROWTH).setCoder(tallyCoder);
    out.get(ACTIVITY).setCoder(tallyCoder);
    out.get(EDGES).setCoder(Table.INTERACTION_EDGES.coder());
    out.get(LAYERS).setCoder(KvCoder.of(StringUtf8Coder.of(), Tally.Coder.of()));
    out.get(LAYER_NODES).setCoder(pairCoder);
    out.get(PARTNERS).setCoder(KvCoder.of(StringUtf8Coder.of(), Tally.Coder.of()));
    return out;
  }

  /** The unordered pair, smaller account first (UTF-8 order), as a deterministic key. */
  static KV<String, String> pair(String x, String y) {
    return Utf8Order.compare(x, y) <= 0 ? KV.of(x, y) : KV.of(y, x);
  }

  static final class ReplayFn extends DoFn<KV<KV<String, String>, CoGbkResult>, FollowFact> {
    private final AnalysisParams params;
    private final PCollectionView<Long> lastEventTs;

    ReplayFn(AnalysisParams params, PCollectionView<Long> lastEventTs) {
      this.params = params;
      this.lastEventTs = lastEventTs;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      String a = c.element().getKey().getKey();
      String b = c.element().getKey().getValue();
      List<Event> events = new ArrayList<>();
      c.element().getValue().getAll(EVENT).forEach(events::add);
      boolean[] baseline = new boolean[2];
      for (KV<String, String> edge : c.element().getValue().getAll(BASELINE)) {
        baseline[edge.getKey().equals(a) ? 0 : 1] = true;
      }
      Collector out = new Collector(c);
      new PairReplay(params, c.sideInput(lastEventTs)).replay(a, b, events, baseline, out);
      out.flush();
    }
  }

  /** Sends the replay's findings to the outputs, summing this pair's per-(account, period) counts first. */
  private static final class Collector implements PairReplay.Output {
    private final DoFn<?, FollowFact>.ProcessContext c;
    private final Map<AccountPeriod, long[]> growth = new TreeMap<>(AccountPeriods.ORDER);
    private final Map<AccountPeriod, long[]> activity = new TreeMap<>(AccountPeriods.ORDER);

    Collector(DoFn<?, FollowFact>.ProcessContext c) {
      this.c = c;
    }

    @Override
    public void follow(FollowFact fact) {
      c.output(fact);
    }

    @Override
    public void growth(String account, int period, GrowthMeasure measure) {
      growth.computeIfAbsent(new AccountPeriod(account, period), k -> new long[GrowthMeasure.SIZE])[measure.ordinal()]++;
    }

    @Override
    public void activity(String account, int period, ActivityMeasure measure) {
      activity.computeIfAbsent(new AccountPeriod(account, period), k -> new long[ActivityMeasure.SIZE])[measure.ordinal()]++;
    }

    @Override
    public void edge(String layer, String actor, String target, long events, long firstAt, long lastAt, Boolean presentAtEnd) {
      c.output(EDGES, Table.INTERACTION_EDGES.row()
          .set("layer", layer)
          .set("actor", actor)
          .set("target", target)
          .set("events", events)
          .set("first_at", firstAt)
          .set("last_at", lastAt)
          .set("present_at_end", presentAtEnd)
          .build());
    }

    @Override
    public void layer(String layer, long[] stats) {
      c.output(LAYERS, KV.of(layer, stats));
    }

    @Override
    public void node(String layer, String account) {
      c.output(LAYER_NODES, KV.of(layer, account));
    }

    @Override
    public void reciprocalPartner(String account, long directedSent) {
      c.output(PARTNERS, KV.of(account, new long[] {1, directedSent}));
    }

    void flush() {
      growth.forEach((k, v) -> c.output(GROWTH, KV.of(k, v)));
      activity.forEach((k, v) -> c.output(ACTIVITY, KV.of(k, v)));
    }
  }
}
