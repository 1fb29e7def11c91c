package org.dunbar.formats.twitter;

import static org.dunbar.formats.twitter.Fixtures.DEFAULT_BOUNDS;
import static org.dunbar.formats.twitter.Fixtures.micros;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.dunbar.formats.FormatOptions;
import org.dunbar.formats.Formats;
import org.dunbar.formats.LineFormat;
import org.dunbar.records.Snapshot;
import org.junit.jupiter.api.Test;

/**
 * An input's retrieved_at dates the counts of payloads that carry no retrieval time of their own.
 */
class RetrievedAtTest {
  /** A 2006 tweet whose user object says 4,039,047 followers. */
  private static final String V1_TWEET =
      "{\"id_str\":\"20\",\"created_at\":\"Tue Mar 21 20:50:14 +0000 2006\","
          + "\"user\":{\"id_str\":\"12\",\"followers_count\":4039047}}";

  private static final long RETRIEVED = micros("2017-01-01T00:00:00Z");

  private static List<Snapshot> snapshots(LineFormat format, String line) {
    CollectingSink sink = new CollectingSink();
    format.parse("in.json", 3, line, null, sink);
    assertEquals(1, sink.accepted);
    return sink.snapshots;
  }

  @Test
  void aV1CountIsDatedAtTheInputsRetrievalNotTheTweetsCreation() {
    LineFormat retrieved =
        Formats.forInput(
            "events",
            "twitter-v1",
            new FormatOptions("retrieved", null, ',', RETRIEVED),
            DEFAULT_BOUNDS);
    assertEquals(
        List.of(new Snapshot("12", RETRIEVED, 4039047L, null, null, "in.json", 3L)),
        snapshots(retrieved, V1_TWEET));
    // Without retrieved_at the v1.1 payload has no retrieval moment: no snapshot, as before.
    CollectingSink none = new CollectingSink();
    new TwitterV1Format(DEFAULT_BOUNDS, SnapshotTime.RETRIEVED)
        .parse("in.json", 3, V1_TWEET, null, none);
    assertEquals(List.of(), none.snapshots);
    assertEquals(1, none.withoutMoment);
  }

  @Test
  void twarcsOwnStampWinsOverTheInputsRetrievalTime() {
    String stamped =
        "{\"data\":[{\"id\":\"10\",\"author_id\":\"1\",\"created_at\":\"2021-10-04T17:00:00.000Z\"}],"
            + "\"includes\":{\"users\":[{\"id\":\"1\",\"username\":\"a\",\"public_metrics\":{\"followers_count\":3}}]}%s}";
    TwitterV2Format v2 = new TwitterV2Format(DEFAULT_BOUNDS, SnapshotTime.RETRIEVED, RETRIEVED);
    assertEquals(
        List.of(new Snapshot("1", micros("2021-10-05T09:30:12Z"), 3L, null, null, "in.json", 3L)),
        snapshots(
            v2,
            String.format(
                stamped, ",\"__twarc\":{\"retrieved_at\":\"2021-10-05T09:30:12+00:00\"}")));
    assertEquals(
        List.of(new Snapshot("1", RETRIEVED, 3L, null, null, "in.json", 3L)),
        snapshots(v2, String.format(stamped, "")));
  }
}
