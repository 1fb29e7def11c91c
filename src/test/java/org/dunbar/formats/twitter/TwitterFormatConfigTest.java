package org.dunbar.formats.twitter;

import static org.dunbar.formats.twitter.Fixtures.DEFAULT_BOUNDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.dunbar.formats.LineFormat;
import org.junit.jupiter.api.Test;

/** The adapters' configuration: the defaults the issue sets, and what the runners need. */
class TwitterFormatConfigTest {
  private static final String TWEET =
      "{\"id\":\"10\",\"author_id\":\"1\",\"created_at\":\"2021-10-04T17:00:00.000Z\"}";

  @Test
  void snapshotTimeDefaultsToCreationForV1AndRetrievalForV2() {
    assertEquals(SnapshotTime.CREATED, TwitterV1Format.DEFAULT_SNAPSHOT_TIME);
    assertEquals(SnapshotTime.RETRIEVED, TwitterV2Format.DEFAULT_SNAPSHOT_TIME);
  }

  @Test
  void bothSettingsAreRequired() {
    assertThrows(NullPointerException.class, () -> new TwitterV1Format(null, SnapshotTime.CREATED));
    assertThrows(NullPointerException.class, () -> new TwitterV2Format(DEFAULT_BOUNDS, null));
  }

  @Test
  void aFormatTravelsToWorkersBySerialization() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new TwitterV2Format(DEFAULT_BOUNDS, SnapshotTime.CREATED));
    }
    LineFormat copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (LineFormat) in.readObject();
    }

    CollectingSink sink = new CollectingSink();
    copy.parse("in.jsonl", 1, TWEET, null, sink);
    assertEquals(1, sink.accepted);
    assertEquals("tweet:10:post", sink.events.get(0).getEventId());
  }
}
