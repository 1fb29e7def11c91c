package org.dunbar.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.dunbar.model.InteractionType;
import org.dunbar.model.Utf8Order;
import org.dunbar.records.Event;
import org.dunbar.records.FollowFact;

/**
 * Replays everything that happened between two accounts — follows, unfollows and interactions in
 * both directions — and reports what the tables need from that pair. Accounts a and b are the
 * pair's two members (equal for self-interactions); direction 0 is a → b, direction 1 is b → a.
 *
 * <p>Everything the SPEC defines per follow or per engager depends only on the two accounts of a
 * pair, so grouping by unordered pair keeps a celebrity's millions of followers in millions of
 * small groups instead of one large one.
 */
public final class PairReplay {
  static final long DAYS_30 = 30 * PeriodUnit.MICROS_PER_DAY;
  static final long DAYS_90 = 90 * PeriodUnit.MICROS_PER_DAY;

  /** Where the replay's findings go. */
  public interface Output {
    void follow(FollowFact fact);

    void growth(String account, int period, GrowthMeasure measure);

    void activity(String account, int period, ActivityMeasure measure);

    /** One row of interaction_edges. */
    void edge(InteractionEdge edge);

    void layer(String layer, long[] stats);

    void node(String layer, String account);

    /**
     * The account has the other as a reciprocal partner and sent it this many directed
     * interactions.
     */
    void reciprocalPartner(String account, long directedSent);
  }

  static final Comparator<Event> REPLAY_ORDER =
      Comparator.comparingLong(Event::getTs)
          .thenComparingInt((Event e) -> InteractionType.of(e.getType()).replayOrder())
          .thenComparing(Event::getEventId, Utf8Order.COMPARATOR);

  private static final int FOLLOW_LAYER = InteractionType.INTERACTIONS.size();
  private static final int DIRECTED_LAYER = FOLLOW_LAYER + 1;
  private static final int ANY_LAYER = FOLLOW_LAYER + 2;

  private final AnalysisParams params;

  public PairReplay(AnalysisParams params) {
    this.params = params;
  }

  /**
   * Replays the pair and reports, besides what follows and engagement need, every interaction as
   * sent by its actor and received by its target (self-interactions both).
   *
   * @param events every unique event of the pair with a target, in any order
   * @param baseline which directions (0: a → b, 1: b → a) exist before the dump
   */
  public void replay(String a, String b, List<Event> events, boolean[] baseline, Output out) {
    List<Event> sorted = new ArrayList<>(events);
    sorted.sort(REPLAY_ORDER);
    Direction[] dirs =
        a.equals(b)
            ? new Direction[] {new Direction(a, b, sorted, 0)}
            : new Direction[] {new Direction(a, b, sorted, 0), new Direction(b, a, sorted, 1)};
    for (int d = 0; d < dirs.length; d++) {
      dirs[d].edge = baseline[d];
    }
    for (Event e : sorted) {
      InteractionType type = InteractionType.of(e.getType());
      Direction dir = dirs[e.getActor().equals(a) ? 0 : 1];
      Direction back = dirs[dirs.length - 1 - dir.index];
      switch (type) {
        case FOLLOW -> follow(e, dir, back, out);
        case UNFOLLOW -> unfollow(e, dir, out);
        default -> interaction(e, type, dir, back, out);
      }
    }
    for (Direction dir : dirs) {
      if (dir.open != null) {
        out.follow(dir.open.build());
      }
    }
    reportPartners(dirs, out);
    reportLayers(a.equals(b), dirs, out);
  }

  private void follow(Event e, Direction dir, Direction back, Output out) {
    long ts = e.getTs();
    out.growth(dir.target, params.period().startOf(ts), GrowthMeasure.FOLLOW_EVENTS);
    if (dir.edge) {
      return; // redundant follow
    }
    dir.edge = true;
    dir.createdAt = ts;
    dir.layer(FOLLOW_LAYER, ts);
    // Ingest rejects self-follows, so back is the other direction here.
    long from = ts - params.lookbackMicros();
    String reason;
    if (back.edge) {
      reason = FollowReason.FOLLOW_BACK.label();
    } else if (dir.directed.any(from, ts) && back.directed.any(from, ts)) {
      reason = FollowReason.CONVERSATION.label();
    } else if (back.all.any(from, ts)) {
      reason = FollowReason.OUTREACH.label();
    } else if (dir.all.any(from, ts)) {
      reason = FollowReason.ENGAGED.label();
    } else {
      reason = null; // decided by the burst rule, which needs the followee's whole day
    }
    dir.open =
        FollowFact.newBuilder()
            .setFollowee(dir.target)
            .setFollower(dir.actor)
            .setTs(ts)
            .setReason(reason)
            .setChurned(false)
            .setRetained30d(true)
            .setRetained90d(true)
            .setEngaged90d(dir.all.any(ts, ts + DAYS_90))
            .setConversed90d(
                dir.directed.any(ts, ts + DAYS_90) && back.directed.any(ts, ts + DAYS_90));
  }

  private void unfollow(Event e, Direction dir, Output out) {
    long ts = e.getTs();
    int period = params.period().startOf(ts);
    out.growth(dir.target, period, GrowthMeasure.FOLLOW_EVENTS);
    if (!dir.edge) {
      return; // orphan unfollow
    }
    boolean youngEdge = dir.createdAt != null && ts - dir.createdAt < params.churnMicros();
    out.growth(dir.target, period, youngEdge ? GrowthMeasure.LOST_CHURN : GrowthMeasure.LOST_OTHER);
    if (dir.open != null) {
      long lived = ts - dir.open.getTs();
      out.follow(
          dir.open
              .setChurned(lived < params.churnMicros())
              .setRetained30d(lived >= DAYS_30)
              .setRetained90d(lived >= DAYS_90)
              .build());
      dir.open = null;
    }
    dir.edge = false;
    dir.createdAt = null;
  }

  private void interaction(
      Event e, InteractionType type, Direction dir, Direction back, Output out) {
    long ts = e.getTs();
    dir.layer(InteractionType.INTERACTIONS.indexOf(type), ts);
    dir.layer(ANY_LAYER, ts);
    if (type.isDirected()) {
      dir.layer(DIRECTED_LAYER, ts);
    }
    int period = params.period().startOf(ts);
    out.activity(dir.actor, period, ActivityMeasure.sent(type));
    out.activity(dir.target, period, ActivityMeasure.received(type));
    if (back == dir) {
      return; // self-interactions are activity, never engagement
    }
    if (dir.lastEngagedPeriod == null || dir.lastEngagedPeriod != period) {
      dir.lastEngagedPeriod = period;
      out.activity(dir.target, period, ActivityMeasure.ENGAGERS);
      if (dir.edge) {
        out.activity(dir.target, period, ActivityMeasure.ENGAGED_FOLLOWERS);
      }
    }
    if (type.isDirected()) {
      dir.directedPeriods.add(period);
      out.activity(dir.target, period, ActivityMeasure.DIRECTED_RECEIVED_FROM_OTHERS);
      // "Answered": the receiver sent a directed interaction back strictly later, within the
      // window.
      if (back.directed.anyAfter(ts, ts + params.replyWindowMicros())) {
        out.activity(dir.target, period, ActivityMeasure.DIRECTED_ANSWERED);
      }
    }
  }

  private static void reportPartners(Direction[] dirs, Output out) {
    if (dirs.length < 2) {
      return;
    }
    TreeSet<Integer> both = new TreeSet<>(dirs[0].directedPeriods);
    both.retainAll(dirs[1].directedPeriods);
    for (int period : both) {
      out.activity(dirs[0].actor, period, ActivityMeasure.CONVERSATION_PARTNERS);
      out.activity(dirs[1].actor, period, ActivityMeasure.CONVERSATION_PARTNERS);
    }
    if (dirs[0].directed.size() > 0 && dirs[1].directed.size() > 0) {
      out.reciprocalPartner(dirs[0].actor, dirs[0].directed.size());
      out.reciprocalPartner(dirs[1].actor, dirs[1].directed.size());
    }
  }

  private static void reportLayers(boolean self, Direction[] dirs, Output out) {
    for (int layer = 0; layer < LayerMeasure.LAYERS.size(); layer++) {
      int index = layerIndex(layer);
      String name = LayerMeasure.LAYERS.get(layer);
      long[] stats = LayerMeasure.empty();
      int present = 0;
      for (Direction dir : dirs) {
        long events = dir.events[index];
        boolean edge = index == FOLLOW_LAYER ? dir.edge : events > 0;
        if (events > 0 && index <= FOLLOW_LAYER) {
          out.edge(
              new InteractionEdge(
                  name,
                  dir.actor,
                  dir.target,
                  events,
                  dir.first[index],
                  dir.last[index],
                  index == FOLLOW_LAYER ? dir.edge : null));
        }
        if (edge) {
          present++;
          out.node(name, dir.actor);
          if (!self) {
            out.node(name, dir.target);
          }
        }
        stats[LayerMeasure.EVENTS.ordinal()] += events;
        if (events > 0) {
          stats[LayerMeasure.FIRST_AT.ordinal()] =
              Math.min(stats[LayerMeasure.FIRST_AT.ordinal()], dir.first[index]);
          stats[LayerMeasure.LAST_AT.ordinal()] =
              Math.max(stats[LayerMeasure.LAST_AT.ordinal()], dir.last[index]);
        }
      }
      stats[LayerMeasure.EDGES.ordinal()] = present;
      stats[LayerMeasure.SELF_LOOPS.ordinal()] = self ? present : 0;
      boolean mutual = !self && present == 2;
      stats[LayerMeasure.RECIPROCAL_EDGES.ordinal()] = mutual ? 2 : 0;
      stats[LayerMeasure.MUTUAL_PAIRS.ordinal()] = mutual ? 1 : 0;
      stats[LayerMeasure.CONNECTED_PAIRS.ordinal()] = !self && present > 0 ? 1 : 0;
      if (present > 0 || stats[LayerMeasure.EVENTS.ordinal()] > 0) {
        out.layer(name, stats);
      }
    }
  }

  /** Maps a position in {@link LayerMeasure#LAYERS} to this class's per-direction counters. */
  private static int layerIndex(int tableLayer) {
    return switch (LayerMeasure.LAYERS.get(tableLayer)) {
      case "follow" -> FOLLOW_LAYER;
      case "directed" -> DIRECTED_LAYER;
      case "any" -> ANY_LAYER;
      default -> tableLayer - 1;
    };
  }

  /** The state of one direction of the pair during the replay. */
  private static final class Direction {
    final String actor;
    final String target;
    final int index;
    final Instants directed;
    final Instants all;
    final long[] events = new long[ANY_LAYER + 1];
    final long[] first = new long[ANY_LAYER + 1];
    final long[] last = new long[ANY_LAYER + 1];
    final TreeSet<Integer> directedPeriods = new TreeSet<>();
    boolean edge;

    /** When the current edge was created; null for a baseline edge (it has always existed). */
    Long createdAt;

    FollowFact.Builder open;
    Integer lastEngagedPeriod;

    Direction(String actor, String target, List<Event> sorted, int index) {
      this.actor = actor;
      this.target = target;
      this.index = index;
      this.directed = Instants.of(sorted, actor, t -> t.isDirected());
      this.all = Instants.of(sorted, actor, t -> t.isInteraction());
    }

    void layer(int layer, long ts) {
      if (events[layer]++ == 0) {
        first[layer] = ts;
      }
      last[layer] = ts;
    }
  }

  /** The sorted instants of one direction's interactions of some kinds, for window look-ups. */
  private static final class Instants {
    private final long[] ts;

    private Instants(long[] ts) {
      this.ts = ts;
    }

    static Instants of(
        List<Event> sorted, String actor, java.util.function.Predicate<InteractionType> kind) {
      return new Instants(
          sorted.stream()
              .filter(e -> e.getActor().equals(actor) && kind.test(InteractionType.of(e.getType())))
              .mapToLong(Event::getTs)
              .toArray());
    }

    int size() {
      return ts.length;
    }

    /** Is there an instant in [from, to)? */
    boolean any(long from, long to) {
      int i = lowerBound(from);
      return i < ts.length && ts[i] < to;
    }

    /** Is there an instant in (after, upTo]? */
    boolean anyAfter(long after, long upTo) {
      int i = lowerBound(after + 1);
      return i < ts.length && ts[i] <= upTo;
    }

    private int lowerBound(long value) {
      int i = Arrays.binarySearch(ts, value);
      if (i < 0) {
        return -i - 1;
      }
      while (i > 0 && ts[i - 1] == value) {
        i--;
      }
      return i;
    }
  }
}
