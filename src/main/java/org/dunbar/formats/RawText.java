package org.dunbar.formats;

import com.google.common.base.Utf8;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A record's text as the rejected table keeps it: at most {@link #MAX_BYTES} bytes of UTF-8, cut
 * between characters, with a flag telling whether it was cut.
 */
public final class RawText {
  /** Longest raw text kept, in UTF-8 bytes. */
  public static final int MAX_BYTES = 4096;

  /** Longest UTF-8 encoding of one character. */
  public static final int MAX_CHAR_BYTES = 4;

  private final String text;
  private final boolean truncated;

  private RawText(String text, boolean truncated) {
    this.text = text;
    this.truncated = truncated;
  }

  /**
   * The raw text of a line's bytes. Bytes that are not valid UTF-8 are decoded as U+FFFD
   * replacement characters (each taking three bytes of the budget), so that a line rejected for its
   * encoding can still be shown.
   */
  public static RawText of(byte[] bytes) {
    // A character starting before MAX_BYTES ends within MAX_CHAR_BYTES more bytes, and decoding
    // never shrinks a character, so this prefix decides everything that can be kept.
    int window = MAX_BYTES + MAX_CHAR_BYTES;
    if (bytes.length <= window) {
      return of(new String(bytes, StandardCharsets.UTF_8));
    }
    RawText prefix = of(new String(Arrays.copyOf(bytes, window), StandardCharsets.UTF_8));
    return new RawText(prefix.text, true);
  }

  /** The raw text of a string, as it will be written in UTF-8. */
  public static RawText of(String text) {
    int bytes = 0;
    int i = 0;
    while (i < text.length()) {
      int codePoint = text.codePointAt(i);
      bytes += utf8Length(codePoint);
      if (bytes > MAX_BYTES) {
        return new RawText(text.substring(0, i), true);
      }
      i += Character.charCount(codePoint);
    }
    return new RawText(text, false);
  }

  /**
   * True when the bytes are valid UTF-8: no overlong forms, UTF-16 surrogates or code points past
   * U+10FFFF (RFC 3629; Guava's {@link Utf8#isWellFormed}).
   */
  public static boolean isUtf8(byte[] bytes) {
    return Utf8.isWellFormed(bytes);
  }

  /** The number of bytes the text takes in UTF-8 as it will be written. */
  public static long byteLength(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
      bytes += utf8Length(text.codePointAt(i));
    }
    return bytes;
  }

  public String text() {
    return text;
  }

  public boolean truncated() {
    return truncated;
  }

  private static int utf8Length(int codePoint) {
    if (codePoint < 0x80 || Character.isSurrogate((char) codePoint)) {
      // A lone surrogate is written by Java's encoder as the one byte '?'.
      return 1;
    }
    if (codePoint < 0x800) {
      return 2;
    }
    return codePoint < 0x10000 ? 3 : 4;
  }
}
