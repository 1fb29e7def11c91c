package org.dunbar.coders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.beam.sdk.util.CoderUtils;
import org.dunbar.records.Event;
import org.junit.jupiter.api.Test;

/** {@link Deferred}: the same bytes as its record's own coder, decoded only when read. */
class DeferredTest {
  private static final Event FOLLOW =
      new Event(
          "at://did:plc:ann/app.bsky.graph.follow/3kf1#follow",
          "follow",
          "did:plc:ann",
          "did:plc:bob",
          "at://did:plc:ann/app.bsky.graph.follow/3kf1",
          null,
          1_718_000_000_000_000L,
          "capture.jsonl",
          7L);

  @Test
  void encodesAsItsRecordsCoderAndDecodesToAnEqualRecord() throws Exception {
    Deferred.Coder<Event> coder = Deferred.Coder.of(RecordCoders.event());
    byte[] bytes = CoderUtils.encodeToByteArray(coder, Deferred.of(FOLLOW, RecordCoders.event()));
    assertArrayEquals(CoderUtils.encodeToByteArray(RecordCoders.event(), FOLLOW), bytes);
    assertEquals(FOLLOW, CoderUtils.decodeFromByteArray(coder, bytes).get());
    // Encoded once, written for each consumer: the same bytes every time.
    Deferred<Event> record = Deferred.of(FOLLOW, RecordCoders.event());
    assertArrayEquals(
        CoderUtils.encodeToByteArray(coder, record), CoderUtils.encodeToByteArray(coder, record));
  }

  @Test
  void aRecordThatIsNotReadIsNotDecoded() throws Exception {
    // A coder that cannot read what it wrote shows when decoding happens.
    CompactCoder<String> unreadable =
        new CompactCoder<>() {
          @Override
          protected void write(String value, CompactWriter out) {
            out.string(value);
          }

          @Override
          protected String read(CompactReader in) {
            throw new IllegalStateException("decoded");
          }
        };
    Deferred.Coder<String> coder = Deferred.Coder.of(unreadable);
    byte[] bytes = CoderUtils.encodeToByteArray(coder, Deferred.of("post", unreadable));
    Deferred<String> passedOver = CoderUtils.decodeFromByteArray(coder, bytes);
    assertEquals(
        "decoded", assertThrows(IllegalStateException.class, passedOver::get).getMessage());
  }
}
