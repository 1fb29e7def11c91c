package org.dunbar.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.dunbar.records.Snapshot;
import org.junit.jupiter.api.Test;

/** Follower counts dated at tweet creation that fall faster than 10 % a day. */
class CountDropTest {
  private static long micros(String instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(instant));
  }

  @Test
  void aFallOfMoreThanATenthADayOfAtLeastAThousandIsImpossible() {
    // jack in python-twitter's payloads: 4,039,047 then 3,278,945 thirteen hours later, a loss of
    // 760,102 = 18.8 % within a day (the rule counts a day at least), over the 10 % a day allowed.
    CountDrop jack =
        new CountDrop(
            "12",
            micros("2006-03-26T05:33:22Z"),
            4_039_047,
            micros("2006-03-26T19:17:08Z"),
            3_278_945);
    assertTrue(jack.impossible());
    assertEquals(
        "account 12: 4,039,047 followers at 2006-03-26T05:33:22Z, 3,278,945 at 2006-03-26T19:17:08Z"
            + " (-760,102, 18.8 % in 13 h 43 min)",
        jack.describe());
    // The same loss over nine years is possible.
    assertFalse(
        new CountDrop(
                "12",
                micros("2006-03-26T05:33:22Z"),
                4_039_047,
                micros("2015-02-10T03:46:28Z"),
                3_278_945)
            .impossible());
    // 15 % (1,500 of 10,000) in one day is too fast; over two days 15 % < 20 % is not.
    assertTrue(new CountDrop("7", 0, 10_000, micros("1970-01-02T00:00:00Z"), 8_500).impossible());
    assertFalse(new CountDrop("7", 0, 10_000, micros("1970-01-03T00:00:00Z"), 8_500).impossible());
    // 900 lost is under the 1,000 that make a fall news, however fast; a rise is no fall.
    assertFalse(new CountDrop("8", 0, 5_000, micros("1970-01-01T01:00:00Z"), 4_100).impossible());
    assertFalse(new CountDrop("8", 0, 5_000, micros("1970-01-01T01:00:00Z"), 50_000).impossible());
  }

  @Test
  void thePipelineNamesEachAccountsFirstFallFromFilesDatedCreatedOnly() {
    Pipeline p = DirectPipelines.create();
    PCollection<Snapshot> snapshots =
        p.apply(
            Create.of(
                    List.of(
                        // Within one day: the day's highest (05:33) comes before its last (19:17).
                        snapshot("12", "2006-03-26T05:33:22Z", 4_039_047, "lookup.json"),
                        snapshot("12", "2006-03-26T19:17:08Z", 3_278_945, "status.json"),
                        snapshot("12", "2006-03-27T10:00:00Z", 3_000_000, "status.json"),
                        // From one day's highest to the next observed day's first: 20,000 of 50,000
                        // = 40 % in
                        // 2 days, over 20 %.
                        snapshot("5", "2015-01-01T12:00:00Z", 50_000, "lookup.json"),
                        snapshot("5", "2015-01-01T18:00:00Z", 49_000, "lookup.json"),
                        snapshot("5", "2015-01-03T12:00:00Z", 30_000, "lookup.json"),
                        // Two counts at one instant: the higher taken first, the fall shows (1,500
                        // of 3,000 at once).
                        snapshot("3", "2016-05-01T10:00:00Z", 3_000, "status.json"),
                        snapshot("3", "2016-05-01T10:00:00Z", 1_500, "lookup.json"),
                        // 5 % a day: real.
                        snapshot("7", "2015-01-01T00:00:00Z", 100_000, "lookup.json"),
                        snapshot("7", "2015-01-02T00:00:00Z", 95_000, "lookup.json"),
                        // A file dated at retrieval is not looked at.
                        snapshot("9", "2015-01-01T00:00:00Z", 100_000, "retrieved.json"),
                        snapshot("9", "2015-01-01T01:00:00Z", 1_000, "retrieved.json")))
                .withCoder(AvroCoder.specific(Snapshot.class)));
    PAssert.that(snapshots.apply(new CreatedCountDrops(Set.of("lookup.json", "status.json"))))
        .containsInAnyOrder(
            "account 12: 4,039,047 followers at 2006-03-26T05:33:22Z, 3,278,945 at"
                + " 2006-03-26T19:17:08Z (-760,102, 18.8 % in 13 h 43 min)",
            "account 5: 50,000 followers at 2015-01-01T12:00:00Z, 30,000 at 2015-01-03T12:00:00Z"
                + " (-20,000, 40.0 % in 2 days)",
            "account 3: 3,000 followers at 2016-05-01T10:00:00Z, 1,500 at 2016-05-01T10:00:00Z"
                + " (-1,500, 50.0 % in 0 h 00 min)");
    DirectPipelines.run(p);
  }

  private static Snapshot snapshot(String account, String at, long followers, String source) {
    return new Snapshot(account, micros(at), followers, null, null, source, 1L);
  }
}
