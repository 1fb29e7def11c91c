package org.dunbar.formats;

import java.util.Locale;

/**
 * Strings that are valid Unicode. A JSON escape can spell half of a surrogate pair ({@code
 * "\ud83d"}): Java keeps it, but it has no UTF-8 form, so writing it would replace it and two
 * different ids could become one. The SPEC makes such a record {@code unparsable}.
 */
public final class Unicode {
  private Unicode() {}

  /** The index of the first surrogate that is not half of a pair, or -1 when there is none. */
  public static int loneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The rejection detail of a field whose value holds a lone surrogate, e.g. {@code actor: not
   * valid Unicode (a lone surrogate \uD83D at character 4)}; null when the value is valid.
   */
  public static String invalid(String field, String value) {
    int at = loneSurrogate(value);
    if (at < 0) {
      return null;
    }
    String escape = String.format(Locale.ROOT, "\\u%04X", (int) value.charAt(at));
    return field
        + ": not valid Unicode (a lone surrogate "
        + escape
        + " at character "
        + (at + 1)
        + ")";
  }
}
