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
 * <p>Keys are the bytes of the key coder's encoding, which Beam requires to be deterministic.
 * Records carry no normalized key of their own ({@link #supportsSerializationWithKeyNormalization}
 * is false): the normalized key is a prefix kept beside each record in the sort buffer, and ties on
 * it fall back to the full comparison.
 */
public class EncodedValueComparator extends TypeComparator<byte[]> {
  private final boolean ascending;
  // The key set by setReference, for equalToReference and compareToReference.
  private transient byte[] reference;

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
  }

  @Override
  public boolean equalToReference(byte[] candidate) {
    return Arrays.equals(reference, candidate);
  }

  /** Flink's contract: the sign is inverted, positive when this reference sorts first. */
  @Override
  public int compareToReference(TypeComparator<byte[]> other) {
    return -compare(reference, ((EncodedValueComparator) other).reference);
  }

  @Override
  public int compare(byte[] first, byte[] second) {
    return inOrder(Arrays.compareUnsigned(first, second));
  }

  /** Compares two keys as {@link EncodedValueSerializer} wrote them: a length, then the bytes. */
  @Override
  public int compareSerialized(DataInputView first, DataInputView second) throws IOException {
    int firstLength = first.readInt();
    int secondLength = second.readInt();
    int common = Math.min(firstLength, secondLength);
    for (int i = 0; i < common; i++) {
      int difference = first.readUnsignedByte() - second.readUnsignedByte();
      if (difference != 0) {
        return inOrder(difference);
      }
    }
    return inOrder(Integer.compare(firstLength, secondLength));
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
   * The key's first {@code numBytes} bytes, padded with zeros: Flink compares these as unsigned
   * bytes, as {@link #compare} does, and a tie (a longer key, or a shorter one padded to look
   * equal) is settled by the full comparison.
   */
  @Override
  public void putNormalizedKey(byte[] record, MemorySegment target, int offset, int numBytes) {
    int copied = Math.min(numBytes, record.length);
    target.put(offset, record, 0, copied);
    for (int i = copied; i < numBytes; i++) {
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
