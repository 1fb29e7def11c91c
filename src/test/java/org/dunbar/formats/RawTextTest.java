package org.dunbar.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RawTextTest {
  private static final int MAX = RawText.MAX_BYTES;

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void keepsShortTextWhole() {
    RawText raw = RawText.of(utf8("{\"actor\":\"\u00E9\"}"));
    assertEquals("{\"actor\":\"\u00E9\"}", raw.text());
    assertFalse(raw.truncated());
  }

  @Test
  void keepsExactlyTheLimit() {
    String text = "a".repeat(MAX);
    assertEquals(text, RawText.of(utf8(text)).text());
    assertFalse(RawText.of(utf8(text)).truncated());
    assertFalse(RawText.of(text).truncated());
  }

  @Test
  void cutsOneByteOverTheLimit() {
    RawText raw = RawText.of(utf8("a".repeat(MAX + 1)));
    assertEquals("a".repeat(MAX), raw.text());
    assertTrue(raw.truncated());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u00E9", "\u20AC", "\uD83D\uDE00"})
  void neverSplitsAMultiByteCharacter(String wide) {
    int width = utf8(wide).length;
    // The wide character starts one byte before the limit, so only its first byte would fit.
    String text = "a".repeat(MAX - 1) + wide + "b";
    for (RawText raw : new RawText[] {RawText.of(utf8(text)), RawText.of(text)}) {
      assertEquals("a".repeat(MAX - 1), raw.text(), "width " + width);
      assertTrue(raw.truncated());
    }
    String fits = "a".repeat(MAX - width) + wide;
    assertEquals(fits, RawText.of(utf8(fits + "z")).text());
    assertEquals(fits, RawText.of(fits + "z").text());
    assertFalse(RawText.of(utf8(fits)).truncated());
  }

  @Test
  void cutsLongInputByItsPrefix() {
    String text = "\u20AC".repeat(5000);
    RawText raw = RawText.of(utf8(text));
    assertEquals("\u20AC".repeat(MAX / 3), raw.text());
    assertTrue(raw.truncated());
  }

  @Test
  void decodesInvalidBytesAsReplacementCharactersWithinTheBudget() {
    RawText short_ = RawText.of(new byte[] {'a', (byte) 0xFF, 'b'});
    assertEquals("a\uFFFDb", short_.text());
    assertFalse(short_.truncated());

    byte[] garbage = new byte[MAX];
    Arrays.fill(garbage, (byte) 0xFF);
    RawText raw = RawText.of(garbage);
    assertEquals("\uFFFD".repeat(MAX / 3), raw.text());
    assertTrue(raw.truncated());
    assertTrue(utf8(raw.text()).length <= MAX);
  }

  @Test
  void decodesValidUtf8Strictly() {
    assertTrue(RawText.isUtf8(utf8("a\u00E9\u20AC\uD83D\uDE00")));
    assertTrue(RawText.isUtf8(new byte[0]));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "FF", // never valid
        "80", // continuation without a lead
        "C3", // truncated two-byte character
        "E2 82", // truncated three-byte character
        "C3 28", // bad continuation
        "C0 80", // overlong NUL
        "E0 80 80", // overlong three-byte form
        "F0 80 80 80", // overlong four-byte form
        "ED A0 80", // UTF-16 surrogate
        "F4 90 80 80", // past U+10FFFF
        "F5 80 80 80" // lead byte past U+10FFFF
      })
  void rejectsInvalidUtf8(String hex) {
    String[] parts = hex.split(" ");
    byte[] bytes = new byte[parts.length + 2];
    bytes[0] = 'x';
    for (int i = 0; i < parts.length; i++) {
      bytes[i + 1] = (byte) Integer.parseInt(parts[i], 16);
    }
    bytes[bytes.length - 1] = 'y';
    assertFalse(RawText.isUtf8(bytes));
    assertFalse(RawText.isUtf8(Arrays.copyOfRange(bytes, 1, bytes.length - 1)));
  }

  @Test
  void acceptsTheEdgesOfEachEncodingLength() {
    for (int codePoint :
        new int[] {0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF}) {
      String text = new String(Character.toChars(codePoint));
      assertTrue(RawText.isUtf8(utf8(text)), Integer.toHexString(codePoint));
    }
  }
}
