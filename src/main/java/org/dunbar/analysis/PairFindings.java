package org.dunbar.analysis;

import java.util.function.BiConsumer;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;
import org.dunbar.records.AccountPeriod;
import org.dunbar.records.Event;
import org.dunbar.records.FollowFact;

/**
 * What the pair replays of one bundle found, summed per key ({@link BundleSums}) and sent to {@link
 * ReplayPairs}' outputs. Effective follows and edges are rows of their own and go out at once.
 */
final class PairFindings implements PairReplay.Output {
  /**
   * Keys held per kind of finding before a bundle's sums are emitted early: as many as a twelfth of
   * the worker's heap holds at about 250 bytes a key (an activity vector of 19 longs, its key and
   * its map entry), and at least 100,000. A bundle's pairs name accounts in no useful order, so a
   * map smaller than the study's (account, period) keys merges little: at 10M events (1.4M such
   * keys) 100,000 keys left the activity sums 10M partial values to sort, and the study took 14 %
   * more CPU than with every key held.
   */
  private static final int MAX_KEYS =
      (int) Math.min(1 << 24, Math.max(100_000, Runtime.getRuntime().maxMemory() / 12 / 250));

  /** Where findings go: the DoFn's process or finish-bundle context. */
  interface Emitter {
    <T> void output(TupleTag<T> tag, T value);
  }

  private final PeriodUnit period;
  // Keyed by a Java record: Avro's equals and hashCode walk the schema and copy every string.
  private final BundleSums<AccountAt, long[]> growth =
      new BundleSums<>(PairFindings::addInto, MAX_KEYS);
  private final BundleSums<AccountAt, long[]> activity =
      new BundleSums<>(PairFindings::addInto, MAX_KEYS);
  private final BundleSums<String, long[]> layers =
      new BundleSums<>(LayerMeasure.combine()::apply, MAX_KEYS);
  private final BundleSums<String, Long> nodeLayers = new BundleSums<>((a, b) -> a | b, MAX_KEYS);
  private final BundleSums<String, long[]> partners =
      new BundleSums<>(PairFindings::addInto, MAX_KEYS);
  private final BundleSums<String, Long> tallies = new BundleSums<>(Long::sum, MAX_KEYS);
  private Emitter out;

  PairFindings(PeriodUnit period) {
    this.period = period;
  }

  /** Sets where findings go from now on. */
  void emitTo(Emitter emitter) {
    this.out = emitter;
  }

  /** Emits every sum held and empties them. */
  void flush() {
    growth.drainTo(perPeriod(ReplayPairs.GROWTH));
    activity.drainTo(perPeriod(ReplayPairs.ACTIVITY));
    layers.drainTo(to(ReplayPairs.LAYERS));
    nodeLayers.drainTo(to(ReplayPairs.NODE_LAYERS));
    partners.drainTo(to(ReplayPairs.PARTNERS));
    tallies.drainTo(to(ReplayPairs.TALLIES));
  }

  void tally(String name, long count) {
    if (count > 0) {
      tallies.add(name, count, to(ReplayPairs.TALLIES));
    }
  }

  void post(Event post) {
    activity(post.getActor(), period.startOf(post.getTs()), ActivityMeasure.POSTS);
  }

  @Override
  public void follow(FollowFact fact) {
    out.output(ReplayPairs.FOLLOWS, fact);
  }

  @Override
  public void growth(String account, int periodStart, GrowthMeasure measure) {
    growth
        .partial(
            new AccountAt(account, periodStart),
            () -> new long[GrowthMeasure.SIZE],
            perPeriod(ReplayPairs.GROWTH))[measure.ordinal()]++;
  }

  @Override
  public void activity(String account, int periodStart, ActivityMeasure measure) {
    activity
        .partial(
            new AccountAt(account, periodStart),
            () -> new long[ActivityMeasure.SIZE],
            perPeriod(ReplayPairs.ACTIVITY))[measure.ordinal()]++;
  }

  @Override
  public void edge(InteractionEdge edge) {
    out.output(ReplayPairs.EDGES, edge);
  }

  @Override
  public void layer(String layer, long[] stats) {
    layers.add(layer, stats, to(ReplayPairs.LAYERS));
  }

  @Override
  public void node(String layer, String account) {
    nodeLayers.add(account, 1L << LayerMeasure.LAYERS.indexOf(layer), to(ReplayPairs.NODE_LAYERS));
  }

  @Override
  public void reciprocalPartner(String account, long directedSent) {
    partners.add(account, new long[] {1, directedSent}, to(ReplayPairs.PARTNERS));
  }

  private <K, V> BiConsumer<K, V> to(TupleTag<KV<K, V>> tag) {
    return (k, v) -> out.output(tag, KV.of(k, v));
  }

  private BiConsumer<AccountAt, long[]> perPeriod(TupleTag<KV<AccountPeriod, long[]>> tag) {
    return (k, v) -> out.output(tag, KV.of(new AccountPeriod(k.account(), k.periodStart()), v));
  }

  /** An (account, period) key for the bundle's maps. */
  private record AccountAt(String account, int periodStart) {}

  /** Adds right into left: both are fresh arrays owned by this bundle until they are emitted. */
  private static long[] addInto(long[] left, long[] right) {
    for (int i = 0; i < left.length; i++) {
      left[i] += right[i];
    }
    return left;
  }
}
