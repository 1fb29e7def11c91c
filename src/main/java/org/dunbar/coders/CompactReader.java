package org.dunbar.coders;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads what {@link CompactWriter} wrote: one record's bytes in one read, then its fields. */
public final class CompactReader {
  private final byte[] buf;
  private int pos;

  private CompactReader(byte[] buf) {
    this.buf = buf;
  }

  /**
   * Reads one record's bytes from the stream.
   *
   * @throws EOFException when the stream ends inside the record
   */
  public static CompactReader readFrom(InputStream in) throws IOException {
    return new CompactReader(readBlock(in));
  }

  /**
   * One record's bytes from the stream, without its length: what {@link #of} reads fields from.
   *
   * @throws EOFException when the stream ends inside the record
   */
  public static byte[] readBlock(InputStream in) throws IOException {
    long length = 0;
    for (int shift = 0; ; shift += 7) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("stream ended inside a record's length");
      }
      length |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
    }
    byte[] bytes = new byte[Math.toIntExact(length)];
    int read = 0;
    while (read < bytes.length) {
      int n = in.read(bytes, read, bytes.length - read);
      if (n < 0) {
        throw new EOFException(
            "stream ended after " + read + " of a record's " + bytes.length + " bytes");
      }
      read += n;
    }
    return bytes;
  }

  /** A reader of one record's bytes, as {@link #readBlock} returned them, from their start. */
  public static CompactReader of(byte[] block) {
    return new CompactReader(block);
  }

  public long unsigned() {
    return varint();
  }

  public int unsignedInt() {
    return Math.toIntExact(varint());
  }

  /** What {@link CompactWriter#optionalUnsigned} wrote: a count, or null. */
  public Long optionalUnsigned() {
    return bool() ? varint() : null;
  }

  public long signed() {
    long v = varint();
    return (v >>> 1) ^ -(v & 1);
  }

  public boolean bool() {
    return buf[pos++] != 0;
  }

  public double float64() {
    return Double.longBitsToDouble(fixed64());
  }

  public long fixed64() {
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value |= (buf[pos++] & 0xFFL) << (8 * i);
    }
    return value;
  }

  public String string() {
    int length = Math.toIntExact(varint()) - 1;
    if (length < 0) {
      return null;
    }
    String s = new String(buf, pos, length, StandardCharsets.UTF_8);
    pos += length;
    return s;
  }

  private long varint() {
    long value = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = buf[pos++];
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
  }
}
