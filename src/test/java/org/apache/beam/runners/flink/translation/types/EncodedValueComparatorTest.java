package org.apache.beam.runners.flink.translation.types;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.MemorySegment;
import org.apache.flink.core.memory.MemorySegmentFactory;
import org.junit.jupiter.api.Test;

/**
 * The grouping-key comparator must give one order three ways (normalized prefix, serialized
 * records, keys), or a sort that spills groups a key twice; these tests check that agreement on
 * keys of every byte value, where Beam's signed comparison and Flink's unsigned prefixes part, and
 * on long keys that share more than a normalized key's bytes.
 */
class EncodedValueComparatorTest {
  private static final EncodedValueComparator ASCENDING = new EncodedValueComparator(true);

  @Test
  void theProjectsComparatorIsTheOneLoaded() {
    String location =
        EncodedValueComparator.class.getProtectionDomain().getCodeSource().getLocation().toString();
    assertFalse(location.contains("beam-runners-flink"), location);
    assertTrue(ASCENDING.supportsNormalizedKey());
  }

  @Test
  void keysOrderByHashThenUnsignedBytesShorterFirst() {
    List<byte[]> keys = keys();
    for (byte[] a : keys) {
      for (byte[] b : keys) {
        int byHash =
            Integer.compareUnsigned(
                EncodedValueComparator.orderHash(a, a.length),
                EncodedValueComparator.orderHash(b, b.length));
        int expected = byHash != 0 ? byHash : Arrays.compareUnsigned(a, b);
        assertEquals(Integer.signum(expected), Integer.signum(ASCENDING.compare(a, b)));
        assertEquals(
            -Integer.signum(expected),
            Integer.signum(new EncodedValueComparator(false).compare(a, b)));
      }
    }
  }

  @Test
  void keysSharingALongPrefixDifferInTheirNormalizedKeys() {
    // Bluesky record ids, as StringUtf8Coder encodes them: length, then `at://did:plc:...`.
    byte[] a = "?at://did:plc:u002592/app.bsky.graph.follow/2c22222222222".getBytes(UTF_8);
    byte[] b = "?at://did:plc:u002592/app.bsky.graph.follow/2c22222222223".getBytes(UTF_8);
    assertTrue(normalized(a, 16).compare(normalized(b, 16), 0, 0, 16) != 0);
  }

  @Test
  void referenceComparisonIsTheKeysOrderWithFlinksInvertedSign() {
    List<byte[]> keys = keys();
    for (boolean ascending : new boolean[] {true, false}) {
      EncodedValueComparator reference = new EncodedValueComparator(ascending);
      EncodedValueComparator other = new EncodedValueComparator(ascending);
      for (byte[] a : keys) {
        reference.setReference(a);
        for (byte[] b : keys) {
          other.setReference(b);
          int byKey = reference.compare(a, b);
          assertEquals(-Integer.signum(byKey), Integer.signum(reference.compareToReference(other)));
          assertEquals(byKey == 0, reference.equalToReference(b.clone()));
        }
      }
    }
  }

  @Test
  void normalizedPrefixesOrderKeysAsComparisonDoes() {
    List<byte[]> keys = keys();
    for (int prefix : new int[] {1, 3, 8, 16}) {
      for (byte[] a : keys) {
        for (byte[] b : keys) {
          int byPrefix = normalized(a, prefix).compare(normalized(b, prefix), 0, 0, prefix);
          int byKey = ASCENDING.compare(a, b);
          // A prefix decides only where it differs; a tie leaves it to the full comparison.
          if (byPrefix != 0) {
            assertEquals(Integer.signum(byPrefix), Integer.signum(byKey));
          }
          if (byKey == 0) {
            assertEquals(0, byPrefix);
          }
        }
      }
    }
  }

  @Test
  void serializedKeysCompareAsKeysDo() throws IOException {
    List<byte[]> keys = keys();
    for (byte[] a : keys) {
      for (byte[] b : keys) {
        int serialized = ASCENDING.compareSerialized(serialized(a), serialized(b));
        assertEquals(Integer.signum(ASCENDING.compare(a, b)), Integer.signum(serialized));
      }
    }
  }

  /**
   * Keys of 0 to 99 bytes over every byte value, many sharing prefixes (some longer than a
   * normalized key), and copies of some.
   */
  private static List<byte[]> keys() {
    Random random = new Random(7);
    List<byte[]> keys = new ArrayList<>();
    byte[] shared = new byte[24];
    random.nextBytes(shared);
    for (int i = 0; i < 150; i++) {
      byte[] key = new byte[random.nextInt(i % 3 == 0 ? 100 : 12)];
      random.nextBytes(key);
      int common = Math.min(key.length, random.nextInt(shared.length + 1));
      System.arraycopy(shared, 0, key, 0, common);
      keys.add(key);
      if (i % 10 == 0) {
        keys.add(key.clone());
      }
    }
    return keys;
  }

  private static MemorySegment normalized(byte[] key, int prefix) {
    MemorySegment segment = MemorySegmentFactory.wrap(new byte[prefix]);
    ASCENDING.putNormalizedKey(key, segment, 0, prefix);
    return segment;
  }

  private static DataInputDeserializer serialized(byte[] key) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(16);
    new EncodedValueSerializer().serialize(key, out);
    return new DataInputDeserializer(out.getCopyOfBuffer());
  }
}
