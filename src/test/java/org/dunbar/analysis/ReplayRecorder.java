package org.dunbar.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dunbar.records.Event;
import org.dunbar.records.FollowFact;

/** Runs {@link PairReplay} on hand-made events and keeps everything it reports, for assertions. */
final class ReplayRecorder implements PairReplay.Output {
  static final long SECOND = 1_000_000L;
  static final long DAY = 86_400 * SECOND;

  /** 2024-01-01T00:00:00Z, a Monday. */
  static final long T0 = 1_704_067_200L * SECOND;

  final List<FollowFact> follows = new ArrayList<>();
  final Map<String, Long> growth = new TreeMap<>();
  final Map<String, Long> activity = new TreeMap<>();
  final List<String> edges = new ArrayList<>();
  final Map<String, long[]> layers = new TreeMap<>();
  final List<String> nodes = new ArrayList<>();
  final Map<String, Long> partners = new TreeMap<>();

  static Event event(String id, String type, String actor, String target, long ts) {
    return Event.newBuilder()
        .setEventId(id)
        .setType(type)
        .setActor(actor)
        .setTarget(target)
        .setTs(ts)
        .setSource("test")
        .setLine(1)
        .build();
  }

  static AnalysisParams params() {
    return new AnalysisParams(
        PeriodUnit.WEEK,
        30,
        7,
        20,
        5.0,
        7,
        List.of(5L, 15L, 50L, 150L, 500L, 1500L, 5000L, 50000L));
  }

  static ReplayRecorder replay(List<Event> events, boolean ab, boolean ba) {
    ReplayRecorder r = new ReplayRecorder();
    new PairReplay(params()).replay("a", "b", events, new boolean[] {ab, ba}, r);
    return r;
  }

  FollowFact follow(String follower) {
    List<FollowFact> of = follows.stream().filter(f -> f.getFollower().equals(follower)).toList();
    if (of.size() != 1) {
      throw new AssertionError("expected one follow by " + follower + ", got " + of);
    }
    return of.get(0);
  }

  long growth(String account, GrowthMeasure m) {
    return growth.entrySet().stream()
        .filter(e -> e.getKey().startsWith(account + "|") && e.getKey().endsWith("|" + m))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  long activity(String account, ActivityMeasure m) {
    return activity.entrySet().stream()
        .filter(e -> e.getKey().startsWith(account + "|") && e.getKey().endsWith("|" + m))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  @Override
  public void follow(FollowFact fact) {
    follows.add(fact);
  }

  @Override
  public void growth(String account, int period, GrowthMeasure measure) {
    growth.merge(account + "|" + period + "|" + measure, 1L, Long::sum);
  }

  @Override
  public void activity(String account, int period, ActivityMeasure measure) {
    activity.merge(account + "|" + period + "|" + measure, 1L, Long::sum);
  }

  @Override
  public void edge(InteractionEdge edge) {
    edges.add(
        edge.layer()
            + " "
            + edge.actor()
            + "->"
            + edge.target()
            + " x"
            + edge.events()
            + (edge.presentAtEnd() == null ? "" : " present=" + edge.presentAtEnd()));
  }

  @Override
  public void layer(String layer, long[] stats) {
    layers.put(layer, stats);
  }

  @Override
  public void node(String layer, String account) {
    nodes.add(layer + ":" + account);
  }

  @Override
  public void reciprocalPartner(String account, long directedSent) {
    partners.put(account, directedSent);
  }
}
