package org.dunbar.canonical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Compressed inputs are read to their end or fail with the decoder's reason in words: every codec,
 * several members or frames, zstd windows past the decoder's default, plain text under a compressed
 * name, truncation and corruption.
 */
class DecompressionTest {
  /** 2,000 lines of about 60 bytes: big enough that a cut leaves whole blocks behind it. */
  private static final byte[] TEXT = text(2_000);

  @FunctionalInterface
  private interface Compressor {
    OutputStream wrap(OutputStream out) throws IOException;
  }

  private static byte[] text(int lines) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      text.append("{\"type\":\"message\",\"actor\":\"u")
          .append(i % 97)
          .append("\",\"target\":\"v\",\"ts\":")
          .append(1614500000 + i)
          .append("}\n");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] compress(Compressor compressor, byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = compressor.wrap(bytes)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }

  /** A zstd frame whose header asks for a 2^windowLog window, as `zstd --long=N` writes. */
  private static byte[] zstd(int windowLog, byte[] data) throws IOException {
    return compress(
        out -> {
          ZstdOutputStream z = new ZstdOutputStream(out);
          z.setWindowLog(windowLog);
          // Two writes with a flush between: the compressor cannot shrink the window to the input
          // size.
          return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
              z.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
              z.write(b, off, len / 2);
              z.flush();
              z.write(b, off + len / 2, len - len / 2);
            }

            @Override
            public void close() throws IOException {
              z.close();
            }
          };
        },
        data);
  }

  private static byte[] read(String name, byte[] file) throws IOException {
    try (InputStream in = Decompression.open(name, () -> new ByteArrayInputStream(file))) {
      return in.readAllBytes();
    }
  }

  private static String failure(String name, byte[] file) {
    return assertThrows(Decompression.CorruptInput.class, () -> read(name, file)).getMessage();
  }

  /**
   * What a reader gets before the fault, in reads of {@code chunk} bytes as the line reader makes
   * them.
   */
  private static byte[] beforeTheFault(String name, byte[] file, int chunk) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    try (InputStream in = Decompression.open(name, () -> new ByteArrayInputStream(file))) {
      byte[] buffer = new byte[chunk];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        got.write(buffer, 0, n);
      }
      throw new AssertionError("no fault in " + name);
    } catch (Decompression.CorruptInput expected) {
      return got.toByteArray();
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  @Test
  void readsEveryCodecByNameWithSeveralMembersOrStreams() throws IOException {
    byte[] half = Arrays.copyOf(TEXT, TEXT.length / 2);
    byte[] rest = Arrays.copyOfRange(TEXT, TEXT.length / 2, TEXT.length);
    assertArrayEquals(
        TEXT,
        read(
            "a.jsonl.gz",
            concat(compress(GZIPOutputStream::new, half), compress(GZIPOutputStream::new, rest))));
    assertArrayEquals(
        TEXT,
        read(
            "a.jsonl.BZ2",
            concat(
                compress(BZip2CompressorOutputStream::new, half),
                compress(BZip2CompressorOutputStream::new, rest))));
    assertArrayEquals(
        TEXT,
        read(
            "a.jsonl.zst",
            concat(compress(ZstdOutputStream::new, half), compress(ZstdOutputStream::new, rest))));
    assertArrayEquals(TEXT, read("a.jsonl", TEXT));
  }

  @Test
  void readsZstdWindowsPastTheDecodersDefaultUpTo2GiB() throws IOException {
    // zstd's decoders refuse windows over 2^27 (128 MiB) unless told; the Reddit dumps use 2^31.
    for (int windowLog : new int[] {27, 28, 30, 31}) {
      assertArrayEquals(TEXT, read("dump.zst", zstd(windowLog, TEXT)), "window 2^" + windowLog);
    }
  }

  @Test
  void plainTextUnderACompressedNameIsReadAsItIs() throws IOException {
    for (String name : new String[] {"day1.jsonl.gz", "day1.jsonl.bz2", "day1.jsonl.zst"}) {
      assertArrayEquals(TEXT, read(name, TEXT), name);
    }
    assertArrayEquals(new byte[0], read("empty.gz", new byte[0]));
  }

  @Test
  void aFileCutShortEndsEarlyWhateverItsCodec() throws IOException {
    byte[] gz = compress(GZIPOutputStream::new, TEXT);
    byte[] bz2 = compress(BZip2CompressorOutputStream::new, TEXT);
    byte[] zst = compress(ZstdOutputStream::new, TEXT);
    // Cut at two thirds, and also just before the gzip trailer's checksum and size (8 bytes).
    assertEquals(
        "compressed data ends early (gzip)", failure("x.gz", Arrays.copyOf(gz, gz.length * 2 / 3)));
    assertEquals(
        "compressed data ends early (gzip)", failure("x.gz", Arrays.copyOf(gz, gz.length - 5)));
    assertEquals(
        "compressed data ends early (bzip2)",
        failure("x.bz2", Arrays.copyOf(bz2, bz2.length * 2 / 3)));
    assertEquals(
        "compressed data ends early (zstd)",
        failure("x.zst", Arrays.copyOf(zst, zst.length * 2 / 3)));
  }

  @Test
  void everyByteThatDecodesBeforeTheFaultIsRead() throws IOException {
    for (String name : new String[] {"cut.gz", "cut.bz2", "cut.zst"}) {
      Compressor compressor =
          name.endsWith(".gz")
              ? GZIPOutputStream::new
              : name.endsWith(".bz2") ? BZip2CompressorOutputStream::new : ZstdOutputStream::new;
      byte[] whole = compress(compressor, TEXT);
      byte[] cut = Arrays.copyOf(whole, whole.length * 2 / 3);
      // The reference: for gzip what zcat gets (the JDK's stream drains zlib before it fails), for
      // the others the stream read one byte at a time (their blocks decode whole or not at all).
      byte[] expected = name.endsWith(".gz") ? jdkGunzip(cut) : beforeTheFault(name, cut, 1);
      for (int chunk : new int[] {1, 7, 4096, 64 * 1024, TEXT.length}) {
        assertArrayEquals(
            expected, beforeTheFault(name, cut, chunk), name + " in reads of " + chunk);
      }
      // A prefix of the text, and for gzip and zstd (which stream) most of what the cut kept.
      assertArrayEquals(Arrays.copyOf(TEXT, expected.length), expected, name);
    }
    byte[] gz = compress(GZIPOutputStream::new, TEXT);
    assertTrue(
        beforeTheFault("cut.gz", Arrays.copyOf(gz, gz.length * 2 / 3), 64 * 1024).length
            > TEXT.length / 2);
  }

  /** What the JDK's gzip stream, byte by byte, decodes of a file before it fails. */
  private static byte[] jdkGunzip(byte[] file) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    try (InputStream in = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(file))) {
      for (int c = in.read(); c >= 0; c = in.read()) {
        got.write(c);
      }
    } catch (java.io.EOFException expected) {
      return got.toByteArray();
    }
    throw new AssertionError("the cut file decoded whole");
  }

  @Test
  void corruptDataIsNamedWithTheDecodersReason() throws IOException {
    byte[] gz = compress(GZIPOutputStream::new, TEXT);
    gz[gz.length / 2] ^= 0x55;
    String message = failure("x.gz", gz);
    assertTrue(message.startsWith("corrupt gzip data ("), message);
    byte[] zst = compress(ZstdOutputStream::new, TEXT);
    zst[zst.length / 2] ^= 0x55;
    message = failure("x.zst", zst);
    assertTrue(message.startsWith("corrupt zstd data ("), message);
    // Bytes after a complete gzip member that are not another member.
    message =
        failure(
            "x.gz",
            concat(
                compress(GZIPOutputStream::new, TEXT),
                "trailing".getBytes(StandardCharsets.US_ASCII)));
    assertTrue(message.startsWith("corrupt gzip data ("), message);
  }
}
