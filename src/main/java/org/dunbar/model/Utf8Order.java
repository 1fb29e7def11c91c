package org.dunbar.model;

import java.util.Comparator;

/**
 * Orders strings as their UTF-8 bytes compare (the SPEC orders event ids that way). Java's
 * String.compareTo orders UTF-16 code units, which differs for characters above U+FFFF.
 */
public final class Utf8Order {
  public static final Comparator<String> COMPARATOR = Utf8Order::compare;

  private Utf8Order() {}

  public static int compare(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        // Surrogates (U+D800..U+DFFF) encode code points above U+FFFF, whose UTF-8 bytes sort
        // after every BMP character's; everything else keeps its UTF-16 order.
        boolean sx = Character.isSurrogate(x);
        boolean sy = Character.isSurrogate(y);
        if (sx != sy) {
          return sx ? 1 : -1;
        }
        return Character.compare(x, y);
      }
    }
    return Integer.compare(a.length(), b.length());
  }
}
