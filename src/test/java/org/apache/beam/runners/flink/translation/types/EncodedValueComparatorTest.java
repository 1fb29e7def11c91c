package org.apache.beam.runners.flink.translation.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
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
 * keys of every byte value, where Beam's signed comparison and Flink's unsigned prefixes part.
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
  void bytesCompareUnsignedShorterFirst() {
    // 0x80 is -128 as a signed byte: Beam's own comparator put it before 0x01.
    assertTrue(ASCENDING.compare(new byte[] {0x01}, new byte[] {(byte) 0x80}) < 0);
    assertTrue(ASCENDING.compare(new byte[] {0x01}, new byte[] {0x01, 0x00}) < 0);
    assertEquals(
        0, ASCENDING.compare(new byte[] {0x05, (byte) 0xff}, new byte[] {0x05, (byte) 0xff}));
    assertTrue(new EncodedValueComparator(false).compare(new byte[] {0x01}, new byte[] {0x02}) > 0);
  }

  @Test
  void referenceComparisonHasFlinksInvertedSign() {
    EncodedValueComparator smaller = new EncodedValueComparator(true);
    EncodedValueComparator larger = new EncodedValueComparator(true);
    smaller.setReference(new byte[] {0x01});
    larger.setReference(new byte[] {(byte) 0x90});
    assertTrue(smaller.compareToReference(larger) > 0);
    assertTrue(larger.compareToReference(smaller) < 0);
    assertTrue(smaller.equalToReference(new byte[] {0x01}));
    assertFalse(smaller.equalToReference(new byte[] {0x01, 0x00}));
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

  /** Keys of 0 to 11 bytes over every byte value, many sharing prefixes, and copies of some. */
  private static List<byte[]> keys() {
    Random random = new Random(7);
    List<byte[]> keys = new ArrayList<>();
    byte[] shared = {0x10, (byte) 0x80, (byte) 0xff, 0x00, 0x7f, 0x01, (byte) 0xc3, 0x42};
    for (int i = 0; i < 150; i++) {
      byte[] key = new byte[random.nextInt(12)];
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
