package org.dunbar.canonical;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Decompresses an input by its file name: {@code .gz} (one or many members), {@code .bz2} (one or
 * many streams), {@code .zst} (one or many frames, windows up to 2 GiB as {@code zstd --long=31}
 * writes them for the Reddit dumps); anything else is read as it is.
 *
 * <p>Only a file that starts with its compression's signature is decompressed: a plain text file
 * under a {@code .gz} name (a download that a browser already unpacked) is read as the text it is,
 * as {@code gzip -dcf} would. A file that cannot be decoded to its end yields every byte that
 * decodes before the fault, then throws {@link CorruptInput} with the decoder's reason in words, so
 * the run can name the file, its last whole line and why.
 */
public final class Decompression {
  /** zstd's largest window exponent: a 2 GiB window, the most {@code zstd --long} writes. */
  private static final int ZSTD_MAX_WINDOW_LOG = 31;

  private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b};
  private static final byte[] BZIP2_MAGIC = {'B', 'Z', 'h'};
  private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};

  /** What the decoder says when its input stops before the compressed data does. */
  public static final String ENDS_EARLY = "compressed data ends early";

  /** Opens a file's raw bytes from the start; called again to recover what a fault hid. */
  @FunctionalInterface
  public interface Source {
    InputStream open() throws IOException;
  }

  private enum Codec {
    GZIP("gzip", GZIP_MAGIC),
    BZIP2("bzip2", BZIP2_MAGIC),
    ZSTD("zstd", ZSTD_MAGIC);

    final String label;
    final byte[] magic;

    Codec(String label, byte[] magic) {
      this.label = label;
      this.magic = magic;
    }
  }

  /** A compressed input that cannot be decoded to its end; the message says why, in words. */
  public static final class CorruptInput extends IOException {
    private static final long serialVersionUID = 1L;

    CorruptInput(String reason, Throwable cause) {
      super(reason, cause);
    }
  }

  private Decompression() {}

  /**
   * The decompressed bytes of a file.
   *
   * @param fileName the file's name or path: its last extension picks the codec (any case)
   * @param source the file's bytes; opened once, and once more only after a decoder fault
   */
  public static InputStream open(String fileName, Source source) throws IOException {
    Codec codec = codecOf(fileName);
    InputStream raw = source.open();
    if (codec == null) {
      return raw;
    }
    BufferedInputStream in = new BufferedInputStream(raw);
    if (!startsWith(in, codec.magic)) {
      return in;
    }
    return new Checked(decoder(codec, in), codec, source);
  }

  private static InputStream decoder(Codec codec, BufferedInputStream in) throws IOException {
    try {
      // gzip and bzip2 read their first header (bzip2 its first block) right away.
      return switch (codec) {
        case GZIP -> new GzipCompressorInputStream(in, true);
        case BZIP2 -> new BZip2CompressorInputStream(in, true);
        case ZSTD -> new ZstdInputStream(in).setLongMax(ZSTD_MAX_WINDOW_LOG);
      };
    } catch (IOException e) {
      in.close();
      throw new CorruptInput(reason(codec, e), e);
    }
  }

  private static Codec codecOf(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      return Codec.GZIP;
    }
    if (name.endsWith(".bz2")) {
      return Codec.BZIP2;
    }
    return name.endsWith(".zst") ? Codec.ZSTD : null;
  }

  /**
   * True when the stream starts with the codec's signature; for zstd also with a skippable frame
   * (magic 0x184D2A50 to 0x184D2A5F, little-endian), which pzstd writes first.
   */
  private static boolean startsWith(BufferedInputStream in, byte[] magic) throws IOException {
    in.mark(magic.length);
    byte[] head = in.readNBytes(magic.length);
    in.reset();
    boolean skippableZstd =
        magic == ZSTD_MAGIC
            && head.length == 4
            && (head[0] & 0xF0) == 0x50
            && head[1] == 0x2A
            && head[2] == 0x4D
            && head[3] == 0x18;
    return Arrays.equals(head, magic) || skippableZstd;
  }

  /**
   * The decoder's failure in words: truncation is told apart from corruption, since it has one
   * common cause (a copy or download cut short) and one remedy.
   */
  private static String reason(Codec codec, IOException e) {
    if (e instanceof CorruptInput) {
      return e.getMessage();
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    // gzip throws a bare EOFException, bzip2 and zstd say it in their own words.
    boolean truncated =
        e instanceof EOFException
            || message.equalsIgnoreCase("Unexpected end of stream")
            || message.equalsIgnoreCase("Truncated source");
    if (truncated) {
      return ENDS_EARLY + " (" + codec.label + ")";
    }
    return "corrupt " + codec.label + " data" + (message.isEmpty() ? "" : " (" + message + ")");
  }

  /**
   * Rethrows the decoder's failures as {@link CorruptInput}, after the bytes that decode before the
   * fault. The decoders drop what a failing read had already decoded into the caller's buffer, up
   * to the length asked; so on a fault the file is decoded again, the bytes already delivered are
   * skipped, and the rest is read one byte at a time until the fault comes back. That costs a
   * second pass, only for a file that fails the run anyway, and makes its last line read the last
   * one that decodes, as zcat shows it.
   */
  private static final class Checked extends InputStream {
    // What a fault can hide: a failing read's buffer (64 KiB from the line reader) and the
    // decoder's pending output; more than that is never held.
    private static final int SALVAGE_LIMIT = 16 << 20;

    private final Codec codec;
    private final Source source;
    private InputStream decoded;
    private long delivered;
    private byte[] salvaged;
    private int salvagedAt;
    private CorruptInput failure;

    Checked(InputStream decoded, Codec codec, Source source) {
      this.decoded = decoded;
      this.codec = codec;
      this.source = source;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (salvaged != null && salvagedAt < salvaged.length) {
        int n = Math.min(len, salvaged.length - salvagedAt);
        System.arraycopy(salvaged, salvagedAt, b, off, n);
        salvagedAt += n;
        return n;
      }
      if (failure != null) {
        throw failure;
      }
      try {
        int n = decoded.read(b, off, len);
        delivered += Math.max(n, 0);
        return n;
      } catch (IOException e) {
        failure = new CorruptInput(reason(codec, e), e);
        salvaged = salvage();
        return read(b, off, len);
      }
    }

    /**
     * The bytes after those delivered that decode before the fault, at most {@link #SALVAGE_LIMIT}.
     */
    private byte[] salvage() throws IOException {
      decoded.close();
      ByteArrayOutputStream rest = new ByteArrayOutputStream();
      try (InputStream again = salvageDecoder()) {
        byte[] skip = new byte[64 * 1024];
        for (long left = delivered; left > 0; ) {
          int n = again.read(skip, 0, (int) Math.min(skip.length, left));
          if (n < 0) {
            return new byte[0];
          }
          left -= n;
        }
        for (int c = again.read(); c >= 0 && rest.size() < SALVAGE_LIMIT; c = again.read()) {
          rest.write(c);
        }
      } catch (IOException sameFault) {
        // Expected: the second pass stops at the same fault, which `failure` already holds.
      }
      return rest.toByteArray();
    }

    /**
     * The second pass's decoder. For gzip it is the JDK's: commons-compress asks for more input
     * before it drains what zlib has already decoded, so it stops up to a few KB short of the cut,
     * where the JDK's stream (like zcat) delivers every decodable byte first. The JDK's stream is
     * not the first pass's because it may stop silently between members.
     */
    private InputStream salvageDecoder() throws IOException {
      BufferedInputStream in = new BufferedInputStream(source.open());
      return codec == Codec.GZIP ? new GZIPInputStream(in) : decoder(codec, in);
    }

    @Override
    public void close() throws IOException {
      decoded.close();
    }
  }
}
