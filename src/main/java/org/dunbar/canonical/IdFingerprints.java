package org.dunbar.canonical;

import org.dunbar.coders.CompactCoder;
import org.dunbar.coders.CompactReader;
import org.dunbar.coders.CompactWriter;

/**
 * The {@link RepeatedIds#fingerprint fingerprints} of the explicit ids of some events read from one
 * file, in read order: the read sends them in blocks of up to {@value #BLOCK}, not one element per
 * event, since every event of a Bluesky dump has its own id.
 *
 * @param values the fingerprints; an id read twice is there twice
 */
public record IdFingerprints(long[] values) {
  /** The most fingerprints the read puts in one block (32 KiB). */
  public static final int BLOCK = 4096;

  /** Fixed 8 bytes each, after their count. */
  public static final class Coder extends CompactCoder<IdFingerprints> {
    private static final Coder INSTANCE = new Coder();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    protected void write(IdFingerprints block, CompactWriter out) {
      out.unsigned(block.values().length);
      for (long value : block.values()) {
        out.fixed64(value);
      }
    }

    @Override
    protected IdFingerprints read(CompactReader in) {
      long[] values = new long[in.unsignedInt()];
      for (int i = 0; i < values.length; i++) {
        values[i] = in.fixed64();
      }
      return new IdFingerprints(values);
    }
  }
}
