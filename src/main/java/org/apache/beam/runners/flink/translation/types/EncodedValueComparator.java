package org.apache.beam.runners.flink.translation.types;

import java.io.IOException;
import java.util.Arrays;
import org.apache.flink.api.common.typeutils.TypeComparator;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.core.memory.MemorySegment;

/**
 * dunbar's replacement for Beam's comparator of encoded grouping keys on Flink's batch runner: the
 * same class name, so that Beam's {@code GroupByKey} and {@code Combine} translations use it, and
 * the shaded jar leaves Beam's own class out ({@code pom.xml}, shade filter).
 *
 * <p>Why: every grouping of the study is a Flink sort of (encoded key, value) records. Beam's
 * comparator declines Flink's normalized keys, so each comparison of the sort reads both keys back
 * out of the sort buffer; at 10M events that was an eighth of the run's CPU (README "Benchmarks").
 * Beam disabled normalized keys in 2016 because they broke grouping with some coders (BEAM-321):
 * its comparisons order bytes as signed values, while Flink compares normalized keys as unsigned
 * bytes, so a sort that spills ordered its runs one way and merged them another. Here every
 * comparison is unsigned, so the normalized prefix, the comparison of serialized records and the
 * comparison of keys agree on one order (lexicographic, unsigned, shorter first), and equal keys
 * meet whether or not the sort spills. Grouping needs only that equal keys meet, so the order
 * itself changes no result. Beam's issue for the same change: apache/beam#30139.
 *
 * <p><b>The order: a hash of the key first, then the key's bytes.</b> Flink keeps 16 bytes of
 * normalized key beside each record, and real keys share long prefixes: every Bluesky record id
 * starts {@code at://did:plc:}, and every encoded key starts with its length. Ordered by bytes
 * alone, such keys tie on the whole prefix, and each comparison of the sort read both records back
 * out of the buffer (at 1M Jetstream events the sorting threads spent four fifths of their time
 * so). With the key's {@link #orderHash} in the prefix's first four bytes, distinct keys almost
 * never tie, and equal keys still do. Within one hash, keys order as unsigned bytes, shorter first.
 *
 * <p>Keys are the bytes of the key coder's encoding, which Beam requires to be deterministic.
 * Records carry no normalized key of their own ({@link #supportsSerializationWithKeyNormalization}
 * is false): the normalized key is a prefix kept beside each record in the sort buffer, and ties on
 * it fall back to the full comparison.
 */
public class EncodedValueComparator extends TypeComparator<byte[]> {
  /** Bytes of the normalized key that hold the {@link #orderHash}; the key's prefix follows. */
  static final int HASH_BYTES = Integer.BYTES;

  private final boolean ascending;
  // The key set by setReference, for equalToReference and compareToReference, and its order hash:
  // merging a spilled sort compares each run's head, set once, with many others.
  private transient byte[] reference;
  private transient int referenceHash;
  // compareSerialized's copies of the two keys, reused: a comparator serves one thread (duplicate).
  private transient byte[] first;
  private transient byte[] second;

  /**
   * @param ascending the sort order Flink asks for; grouping is correct either way
   */
  public EncodedValueComparator(boolean ascending) {
    this.ascending = ascending;
  }

  @Override
  public int hash(byte[] record) {
    return Arrays.hashCode(record);
  }

  @Override
  public void setReference(byte[] toCompare) {
    reference = toCompare;
    referenceHash = orderHash(toCompare, toCompare.length);
  }

  @Override
  public boolean equalToReference(byte[] candidate) {
    return Arrays.equals(reference, candidate);
  }

  /** Flink's contract: the sign is inverted, positive when this reference sorts first. */
  @Override
  public int compareToReference(TypeComparator<byte[]> other) {
    EncodedValueComparator that = (EncodedValueComparator) other;
    return -inOrder(
        ascending(
            referenceHash,
            reference,
            reference.length,
            that.referenceHash,
            that.reference,
            that.reference.length));
  }

  @Override
  public int compare(byte[] first, byte[] second) {
    return inOrder(
        ascending(
            orderHash(first, first.length),
            first,
            first.length,
            orderHash(second, second.length),
            second,
            second.length));
  }

  /** Compares two keys as {@link EncodedValueSerializer} wrote them: a length, then the bytes. */
  @Override
  public int compareSerialized(DataInputView firstSource, DataInputView secondSource)
      throws IOException {
    int firstLength = firstSource.readInt();
    first = read(firstSource, firstLength, first);
    int secondLength = secondSource.readInt();
    second = read(secondSource, secondLength, second);
    return inOrder(
        ascending(
            orderHash(first, firstLength),
            first,
            firstLength,
            orderHash(second, secondLength),
            second,
            secondLength));
  }

  private static byte[] read(DataInputView source, int length, byte[] buffer) throws IOException {
    byte[] target =
        buffer != null && buffer.length >= length ? buffer : new byte[Math.max(length, 64)];
    source.readFully(target, 0, length);
    return target;
  }

  /**
   * The ascending order of the first {@code aLength} bytes of a and {@code bLength} of b, given
   * their {@link #orderHash}es: by hash, then by unsigned bytes, shorter first. The one definition
   * of the order; every comparison, and {@link #putNormalizedKey}, follows it.
   */
  private static int ascending(int aHash, byte[] a, int aLength, int bHash, byte[] b, int bLength) {
    int byHash = Integer.compareUnsigned(aHash, bHash);
    return byHash != 0 ? byHash : Arrays.compareUnsigned(a, 0, aLength, b, 0, bLength);
  }

  /**
   * The hash that orders keys first: {@link Arrays#hashCode(byte[])} with MurmurHash3's final mix,
   * so that keys differing only in their last bytes differ in the first bytes of the hash as well.
   */
  static int orderHash(byte[] key, int length) {
    int h = 1;
    for (int i = 0; i < length; i++) {
      h = 31 * h + key[i];
    }
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }

  private int inOrder(int ascendingResult) {
    return ascending ? ascendingResult : -ascendingResult;
  }

  @Override
  public boolean supportsNormalizedKey() {
    return true;
  }

  @Override
  public boolean supportsSerializationWithKeyNormalization() {
    return false;
  }

  @Override
  public int getNormalizeKeyLen() {
    return Integer.MAX_VALUE;
  }

  @Override
  public boolean isNormalizedKeyPrefixOnly(int keyBytes) {
    return true;
  }

  /**
   * The key's {@link #orderHash} (big-endian), then its first bytes, padded with zeros, to {@code
   * numBytes}: Flink compares these as unsigned bytes, in the order {@link #compare} gives, and a
   * tie (equal keys, a shared hash, or a shorter key padded to look equal) is settled by the full
   * comparison.
   */
  @Override
  public void putNormalizedKey(byte[] record, MemorySegment target, int offset, int numBytes) {
    int hash = orderHash(record, record.length);
    int hashBytes = Math.min(HASH_BYTES, numBytes);
    for (int i = 0; i < hashBytes; i++) {
      target.put(offset + i, (byte) (hash >>> (8 * (HASH_BYTES - 1 - i))));
    }
    int copied = Math.min(numBytes - hashBytes, record.length);
    target.put(offset + hashBytes, record, 0, copied);
    for (int i = hashBytes + copied; i < numBytes; i++) {
      target.put(offset + i, (byte) 0);
    }
  }

  @Override
  public void writeWithKeyNormalization(byte[] record, DataOutputView target) {
    throw new UnsupportedOperationException("supportsSerializationWithKeyNormalization is false");
  }

  @Override
  public byte[] readWithKeyDenormalization(byte[] reuse, DataInputView source) {
    throw new UnsupportedOperationException("supportsSerializationWithKeyNormalization is false");
  }

  @Override
  public boolean invertNormalizedKey() {
    return !ascending;
  }

  @Override
  public TypeComparator<byte[]> duplicate() {
    return new EncodedValueComparator(ascending);
  }

  @Override
  public int extractKeys(Object record, Object[] target, int index) {
    target[index] = record;
    return 1;
  }

  @SuppressWarnings("rawtypes")
  @Override
  public TypeComparator[] getFlatComparators() {
    return new TypeComparator[] {duplicate()};
  }
}
