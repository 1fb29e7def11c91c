package org.dunbar.formats;

/** Strict UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF). */
final class Utf8 {
  private Utf8() {}

  static boolean isValid(byte[] bytes) {
    int i = 0;
    int n = bytes.length;
    while (i < n) {
      int b = bytes[i];
      if (b >= 0) {
        i++;
        continue;
      }
      b &= 0xFF;
      int length;
      int min;
      if (b >= 0xC2 && b <= 0xDF) {
        length = 2;
        min = 0x80;
      } else if (b >= 0xE0 && b <= 0xEF) {
        length = 3;
        min = 0x800;
      } else if (b >= 0xF0 && b <= 0xF4) {
        length = 4;
        min = 0x10000;
      } else {
        return false;
      }
      if (i + length > n) {
        return false;
      }
      int codePoint = b & (0xFF >> (length + 1));
      for (int k = 1; k < length; k++) {
        int c = bytes[i + k] & 0xFF;
        if ((c & 0xC0) != 0x80) {
          return false;
        }
        codePoint = (codePoint << 6) | (c & 0x3F);
      }
      if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
        return false;
      }
      i += length;
    }
    return true;
  }
}
