package org.dunbar.formats;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Decompresses an input by its file name: {@code .gz} (one or many members), {@code .bz2} (one or
 * many streams), {@code .zst} (one or many frames, windows up to 2 GiB as {@code zstd --long=31}
 * writes them for the Reddit dumps); anything else is read as it is.
 *
 * <p>Only a file that starts with its compression's signature is decompressed: a plain text file
 * under a {@code .gz} name (a download that a browser already unpacked) is read as the text it is,
 * as {@code gzip -dcf} would. A file that cannot be decoded to its end throws {@link
 * CorruptInput} with the decoder's reason in words, so the run can name the file and stop.
 */
public final class Decompression {
  /** zstd's largest window exponent: a 2 GiB window, the most {@code zstd --long} writes. */
  private static final int ZSTD_MAX_WINDOW_LOG = 31;

  private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b};
  private static final byte[] BZIP2_MAGIC = {'B', 'Z', 'h'};
  private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};

  /** What the decoder says when its input stops before the compressed data does. */
  public static final String ENDS_EARLY = "compressed data ends early";

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
   * @param raw the file's bytes; closed with the returned stream
   */
  public static InputStream open(String fileName, InputStream raw) throws IOException {
    Codec codec = codecOf(fileName);
    if (codec == null) {
      return raw;
    }
    BufferedInputStream in = new BufferedInputStream(raw);
    if (!startsWith(in, codec.magic)) {
      return in;
    }
    InputStream decoded;
    try {
      // gzip and bzip2 read their first header (bzip2 its first block) right away.
      decoded = switch (codec) {
        case GZIP -> new GzipCompressorInputStream(in, true);
        case BZIP2 -> new BZip2CompressorInputStream(in, true);
        case ZSTD -> new ZstdInputStream(in).setLongMax(ZSTD_MAX_WINDOW_LOG);
      };
    } catch (IOException e) {
      in.close();
      throw new CorruptInput(reason(codec, e), e);
    }
    return new Checked(decoded, codec);
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
    boolean skippableZstd = magic == ZSTD_MAGIC && head.length == 4
        && (head[0] & 0xF0) == 0x50 && head[1] == 0x2A && head[2] == 0x4D && head[3] == 0x18;
    return Arrays.equals(head, magic) || skippableZstd;
  }

  /**
   * The decoder's failure in words: truncation is told apart from corruption, since it has one
   * common cause (a copy or download cut short) and one remedy.
   */
  static String reason(Codec codec, IOException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    // gzip throws a bare EOFException, bzip2 and zstd say it in their own words.
    boolean truncated = e instanceof EOFException
        || message.equalsIgnoreCase("Unexpected end of stream")
        || message.equalsIgnoreCase("Truncated source");
    if (truncated) {
      return ENDS_EARLY + " (" + codec.label + ")";
    }
    return "corrupt " + codec.label + " data" + (message.isEmpty() ? "" : " (" + message + ")");
  }

  /** Rethrows the decoder's failures as {@link CorruptInput}. */
  private static final class Checked extends FilterInputStream {
    private final Codec codec;

    Checked(InputStream decoded, Codec codec) {
      super(decoded);
      this.codec = codec;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        throw new CorruptInput(reason(codec, e), e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        throw new CorruptInput(reason(codec, e), e);
      }
    }
  }
}
