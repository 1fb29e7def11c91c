package org.dunbar.formats;

/** Non-negative decimal integers written with ASCII digits only. */
public final class Digits {
  private Digits() {}

  /** The value of a non-empty string of ASCII digits, or -1 when it is not one or overflows. */
  public static long parse(String text) {
    if (text.isEmpty()) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < text.length(); i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9 || value > (Long.MAX_VALUE - digit) / 10) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }
}
