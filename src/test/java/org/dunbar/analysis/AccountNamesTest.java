package org.dunbar.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.PCollection;
import org.dunbar.formats.NameSighting;
import org.dunbar.tables.Table;
import org.junit.jupiter.api.Test;

/** The accounts table from hand-made name sightings; expected rows worked out by hand. */
class AccountNamesTest {
  private static final long T0 = 1_000_000L;
  private static final long T1 = 2_000_000L;
  private static final long T2 = 3_000_000L;

  /** Two names last seen at one instant; U+FFFD sorts before 😀 in UTF-16 but after in UTF-8. */
  private static final String REPLACEMENT = "\uFFFD";

  private static final String EMOJI = "\uD83D\uDE00";

  private static final List<NameSighting> SIGHTINGS =
      List.of(
          // 1: renamed Ann_old → Ann; Ann seen twice.
          new NameSighting("1", "Ann", T1),
          new NameSighting("1", "Ann_old", T0),
          new NameSighting("1", "Ann", T2),
          // 2: bob and Bob at T1, a tie: "bob" is greater in byte order ('b' 0x62 > 'B' 0x42).
          new NameSighting("2", "Bob", T1),
          new NameSighting("2", "robert", T0),
          new NameSighting("2", "bob", T1),
          new NameSighting("2", "bob", T1),
          // 3: a tie that UTF-8 and UTF-16 order decide differently.
          new NameSighting("3", REPLACEMENT, T1),
          new NameSighting("3", EMOJI, T1),
          // 4: renamed A → B → A: A's first sighting is before B.
          new NameSighting("4", "A", T2),
          new NameSighting("4", "B", T1),
          new NameSighting("4", "A", T0),
          // 5: one sighting.
          new NameSighting("5", "eve", T0));

  private static GenericRecord row(
      String account, String name, long nameFirst, long nameLast, long first, long names) {
    return Table.ACCOUNTS
        .row()
        .set("account", account)
        .set("name", name)
        .set("name_first_seen_at", nameFirst)
        .set("name_seen_at", nameLast)
        .set("first_seen_at", first)
        .set("names_seen", names)
        .build();
  }

  @Test
  void latestNameWithRenamesAndTiesBrokenByUtf8Order() {
    Pipeline p = DirectPipelines.create();
    PCollection<GenericRecord> rows =
        p.apply(Create.of(SIGHTINGS).withCoder(NameSighting.Coder.of())).apply(new AccountNames());
    PAssert.that(rows)
        .containsInAnyOrder(
            row("1", "Ann", T1, T2, T0, 2),
            row("2", "bob", T1, T1, T0, 3),
            row("3", EMOJI, T1, T1, T1, 2),
            row("4", "A", T0, T2, T0, 2),
            row("5", "eve", T0, T0, T0, 1));
    DirectPipelines.run(p);
  }

  /**
   * However the sightings are split into bundles and merged, the accumulator is the same, byte for
   * byte: the table cannot depend on the runner's parallelism.
   */
  @Test
  void accumulatorIsTheSameInEveryMergeOrder() throws Exception {
    AccountNames.NamesFn fn = new AccountNames.NamesFn();
    List<NameSighting> bob = SIGHTINGS.subList(3, 7);
    NameSpans all = fn.createAccumulator();
    bob.forEach(s -> fn.addInput(all, s));
    NameSpans firstHalf = fn.createAccumulator();
    NameSpans secondHalf = fn.createAccumulator();
    bob.subList(0, 2).forEach(s -> fn.addInput(firstHalf, s));
    bob.subList(2, 4).forEach(s -> fn.addInput(secondHalf, s));
    NameSpans merged = fn.mergeAccumulators(List.of(secondHalf, firstHalf));

    byte[] expected = CoderUtils.encodeToByteArray(NameSpans.Coder.INSTANCE, all);
    assertArrayEquals(expected, CoderUtils.encodeToByteArray(NameSpans.Coder.INSTANCE, merged));
    NameSpans decoded = CoderUtils.decodeFromByteArray(NameSpans.Coder.INSTANCE, expected);
    assertEquals("bob", decoded.latest().getKey());
    assertEquals(new NameSpans.Span(T1, T1), decoded.latest().getValue());
    assertEquals(3, decoded.namesSeen());
    assertEquals(T0, decoded.firstSeen());
  }
}
