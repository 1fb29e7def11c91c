package org.dunbar.coders;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

  /**
   * The direct runner hands one element to every step that reads it, on threads of their own: each
   * must decode the whole record, and encode it whole.
   */
  @Test
  void threadsSharingARecordEachReadAndWriteItWhole() throws Exception {
    Deferred.Coder<Event> coder = Deferred.Coder.of(RecordCoders.event());
    byte[] bytes = CoderUtils.encodeToByteArray(RecordCoders.event(), FOLLOW);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 500; round++) {
        Deferred<Event> shared = CoderUtils.decodeFromByteArray(coder, bytes);
        Deferred<Event> made = Deferred.of(FOLLOW, RecordCoders.event());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          results.add(
              threads.submit(
                  () -> {
                    start.await();
                    return FOLLOW.equals(shared.get())
                        && Arrays.equals(bytes, CoderUtils.encodeToByteArray(coder, made));
                  }));
        }
        start.countDown();
        for (Future<Boolean> result : results) {
          assertTrue(result.get(), "round " + round);
        }
      }
    } finally {
      threads.shutdownNow();
    }
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
