package org.dunbar.canonical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.Keys;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.dunbar.analysis.DirectPipelines;
import org.dunbar.records.Event;
import org.junit.jupiter.api.Test;

/**
 * Target resolution on hand-made events, each expected row worked out by hand from the rule: a
 * pending event (no target, a parent) takes the actor of the first event in (source, line) order
 * whose post_id is its parent; an unfollow takes the target of its own follow record.
 */
class ResolveTargetsTest {
  private static final String A = "/in/a.jsonl";
  private static final String B = "/in/b.jsonl";
  private static final long T = DeduplicateEventsTest.micros("2024-03-01T12:00:00Z");

  @Test
  void resolvesFromTheParentPostAnywhereInTheInput() {
    Pipeline p = DirectPipelines.create();
    ReadOutputs read =
        ReadOutputs.of(
            p,
            List.of(
                // P1 is claimed twice: by ann's post on b.jsonl:3 and, conflicting, by
                // a copy that says mallory on b.jsonl:7. b.jsonl:3 is first in (source,
                // line) order: ann.
                event("p1", "post", "ann", null, "P1", null, B, 3),
                event("p1-bad", "post", "mallory", null, "P1", null, B, 7),
                // Replies, a quote and a self-reply to P1, none naming whom they
                // answer.
                event("r1", "reply", "bob", null, "R1", "P1", A, 1),
                event("q1", "quote", "cat", null, "Q1", "P1", A, 2),
                event("s1", "reply", "ann", null, "S1", "P1", A, 3),
                // gil's reply is itself pending, yet it claims G1 for gil: fay's like
                // of it resolves.
                event("g1", "reply", "gil", null, "G1", "P1", A, 4),
                event("l1", "like", "fay", null, null, "G1", B, 1),
                // Already resolved: passes through untouched, whatever its parent says.
                event("k1", "reply", "hal", "zed", "K1", "P1", B, 2),
                // Unresolvable: a mention that names nobody, a reply to a post not in
                // the input.
                event("m1", "mention", "dan", null, "M1", null, A, 5),
                event("r2", "reply", "eve", null, null, "P404", A, 6),
                // ivy's unfollow deletes her follow record F1 (ivy -> jon); kim cannot
                // delete it.
                event("f1", "follow", "ivy", "jon", "F1", null, B, 4),
                event("u1", "unfollow", "ivy", null, null, "F1", B, 5),
                event("u2", "unfollow", "kim", null, null, "F1", B, 6)));
    PCollectionTuple routed = read.route();
    PCollectionTuple out = routed.apply(new ResolveTargets(read.repeatedIds()));

    // Each goes on to the pair replay with its target, and, having its own id, without its post
    // and parent ids; its id occurs once, so but for a follow or unfollow also without its id, file
    // and line (RouteEvents.forReplay).
    PAssert.that(readyAndResolved(routed, out))
        .containsInAnyOrder(
            withoutId("post", "ann", null),
            withoutId("post", "mallory", null),
            withoutId("reply", "bob", "ann"),
            withoutId("quote", "cat", "ann"),
            withoutId("reply", "ann", "ann"),
            withoutId("reply", "gil", "ann"),
            withoutId("like", "fay", "gil"),
            withoutId("reply", "hal", "zed"),
            event("f1", "follow", "ivy", "jon", null, null, B, 4),
            event("u1", "unfollow", "ivy", "jon", null, null, B, 5));
    // m1 names no parent, r2's parent is not in the input, u2 is not kim's follow. Each has its
    // own id, read once, so each is counted where it is found unresolved, not by deduplication.
    PAssert.that(unresolved(routed, out))
        .containsInAnyOrder(
            KV.of("events.unresolved_target.mention", 1L),
            KV.of("events.unresolved_target.reply", 1L),
            KV.of("events.unresolved_target.unfollow", 1L));
    PAssert.that(out.get(ResolveTargets.TALLIES))
        .containsInAnyOrder(
            KV.of("events.unresolved_target.mention", 1L),
            KV.of("events.unresolved_target.reply", 1L),
            KV.of("events.unresolved_target.unfollow", 1L));
    // No id here occurs twice, so none is claimed for deduplication.
    PAssert.that(routed.get(RouteEvents.ID_CLAIMS)).empty();
    PAssert.that(out.get(ResolveTargets.ID_CLAIMS)).empty();
    DirectPipelines.run(p);
  }

  /**
   * Records without an id resolve copy by copy and claim no id; the pair replay then drops the
   * copies, hashing the resolved target into the SPEC id.
   */
  @Test
  void idlessCopiesResolveAlikeAndMeetAsCopiesInThePairReplay() {
    Pipeline p = DirectPipelines.create();
    ReadOutputs read =
        ReadOutputs.of(
            p,
            List.of(
                // The same export in two files: ann's post P9 and bob's reply to it, no
                // ids.
                event(null, "post", "ann", null, "P9", null, B, 1),
                event(null, "reply", "bob", null, "B1", "P9", B, 2),
                event(null, "post", "ann", null, "P9", null, A, 1),
                event(null, "reply", "bob", null, "B1", "P9", A, 2)));
    PCollectionTuple routed = read.route();
    PCollectionTuple out = routed.apply(new ResolveTargets(read.repeatedIds()));

    // Both copies of the reply resolve to ann.
    PAssert.that(readyAndResolved(routed, out))
        .containsInAnyOrder(
            event(null, "post", "ann", null, "P9", null, B, 1),
            event(null, "reply", "bob", "ann", "B1", "P9", B, 2),
            event(null, "post", "ann", null, "P9", null, A, 1),
            event(null, "reply", "bob", "ann", "B1", "P9", A, 2));
    PAssert.that(routed.get(RouteEvents.ID_CLAIMS)).empty();
    PAssert.that(out.get(ResolveTargets.ID_CLAIMS)).empty();
    PAssert.that(out.get(ResolveTargets.TALLIES)).empty();
    DirectPipelines.run(p);

    // In the pair replay's grouping, a.jsonl's copy is kept, with the id of the resolved fields
    // (it shares its instant with ann's like there, so the id orders the two).
    Event like = event("l9", "like", "ann", "bob", null, "B1", B, 3);
    IdlessCopies.Kept kept =
        IdlessCopies.keepFirst(
            List.of(
                event(null, "reply", "bob", "ann", "B1", "P9", B, 2),
                event(null, "reply", "bob", "ann", "B1", "P9", A, 2),
                like));
    assertEquals(1, kept.duplicates());
    assertEquals(
        List.of(
            like,
            event(
                DeduplicateEventsTest.specId("reply", "bob", "ann", "B1", "P9", T, 1),
                "reply",
                "bob",
                "ann",
                "B1",
                "P9",
                A,
                2)),
        kept.unique());
  }

  /**
   * One post with 12,000 pending replies, and 12,000 other events that claim it too (a canonical
   * export may give every event of a post its id), on embedded Flink, which cannot re-iterate a
   * group: the replies are spread over ⌈12,000 / 4,096⌉ = 3 groups, each read once, keeping only
   * the first claim (ann's post at a.jsonl:1).
   */
  @Test
  void aPopularPostResolvesOnEmbeddedFlink() {
    FlinkPipelineOptions options = PipelineOptionsFactory.as(FlinkPipelineOptions.class);
    options.setRunner(FlinkRunner.class);
    options.setFlinkMaster("[local]");
    options.setParallelism(2);
    Pipeline p = Pipeline.create(options);
    List<Event> events = new ArrayList<>();
    events.add(event("viral", "post", "ann", null, "V", null, A, 1));
    for (int i = 0; i < 12_000; i++) {
      events.add(event("m" + i, "mention", "zed" + i, "ann", "V", null, B, i + 2));
    }
    for (int i = 0; i < 12_000; i++) {
      events.add(event("r" + i, "reply", "fan" + i, null, "R" + i, "V", A, i + 2));
    }
    events.add(event("lost", "reply", "eve", null, null, "gone", B, 1));
    ReadOutputs read = ReadOutputs.of(p, events);
    PCollectionTuple routed = read.route();
    PCollectionTuple out = routed.apply(new ResolveTargets(read.repeatedIds()));
    PCollection<Event> resolved = readyAndResolved(routed, out);
    PAssert.thatSingleton(resolved.apply("Count all", Count.globally())).isEqualTo(24_001L);
    PAssert.thatSingleton(
            resolved
                .apply(
                    "Replies to ann",
                    Filter.by(e -> "ann".equals(e.getTarget()) && e.getType().equals("reply")))
                .apply("Count replies", Count.globally()))
        .isEqualTo(12_000L);
    PAssert.that(unresolved(routed, out))
        .containsInAnyOrder(KV.of("events.unresolved_target.reply", 1L));
    p.run().waitUntilFinish();
  }

  /**
   * A pending record read twice (two overlapping files) claims its id from both copies, resolved or
   * not, so that deduplication keeps one and counts an unresolved one once.
   */
  @Test
  void pendingCopiesOfOneIdAreClaimedForDeduplication() {
    Pipeline p = DirectPipelines.create();
    ReadOutputs read =
        ReadOutputs.of(
            p,
            List.of(
                event("p1", "post", "ann", null, "P1", null, B, 3),
                event("r1", "reply", "bob", null, "R1", "P1", A, 1),
                event("r1", "reply", "bob", null, "R1", "P1", B, 1),
                event("r2", "reply", "eve", null, null, "P404", A, 2),
                event("r2", "reply", "eve", null, null, "P404", B, 2)));
    PCollectionTuple routed = read.route();
    PCollectionTuple out = routed.apply(new ResolveTargets(read.repeatedIds()));

    // r1 may repeat (it does): its copies keep their id, file and line, by which deduplication
    // names the one to leave out.
    PAssert.that(readyAndResolved(routed, out))
        .containsInAnyOrder(
            withoutId("post", "ann", null),
            event("r1", "reply", "bob", "ann", null, null, A, 1),
            event("r1", "reply", "bob", "ann", null, null, B, 1));
    PAssert.that(out.get(ResolveTargets.ID_CLAIMS).apply(Keys.create()))
        .containsInAnyOrder("r1", "r1", "r2", "r2");
    PAssert.that(unresolved(routed, out))
        .containsInAnyOrder(KV.of("events.unresolved_target.reply", 1L));
    DirectPipelines.run(p);
  }

  /** What goes on to the pair replay: the events that were ready and those resolved. */
  private static PCollection<Event> readyAndResolved(
      PCollectionTuple routed, PCollectionTuple resolved) {
    return PCollectionList.of(routed.get(RouteEvents.READY))
        .and(resolved.get(ResolveTargets.EVENTS))
        .apply("Ready and resolved", Flatten.pCollections());
  }

  /**
   * The unresolved tallies as the study sums them: of id-less events, and of ids by deduplication.
   */
  private static PCollection<KV<String, Long>> unresolved(
      PCollectionTuple routed, PCollectionTuple resolved) {
    PCollection<KV<String, Long>> byId =
        PCollectionList.of(routed.get(RouteEvents.ID_CLAIMS))
            .and(resolved.get(ResolveTargets.ID_CLAIMS))
            .apply("All id claims", Flatten.pCollections())
            .apply(new DeduplicateEvents())
            .get(DeduplicateEvents.TALLIES);
    return PCollectionList.of(byId)
        .and(resolved.get(ResolveTargets.TALLIES))
        .apply("All tallies", Flatten.pCollections())
        .apply(
            "Unresolved only", Filter.by(kv -> kv.getKey().startsWith(ResolveTargets.UNRESOLVED)))
        .apply("Sum unresolved", Sum.longsPerKey());
  }

  /** An event as the replay gets it when it needs neither its id, nor its file and line. */
  private static Event withoutId(String type, String actor, String target) {
    return event(
        RouteEvents.ID_NOT_CARRIED, type, actor, target, null, null, RouteEvents.ID_NOT_CARRIED, 0);
  }

  private static Event event(
      String id,
      String type,
      String actor,
      String target,
      String postId,
      String parentId,
      String source,
      long line) {
    return new Event(id, type, actor, target, postId, parentId, T, source, line);
  }
}
