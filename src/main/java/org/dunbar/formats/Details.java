package org.dunbar.formats;

/** The human-readable detail of a rejection. */
final class Details {
  // Enough to recognise a value; a whole 1 MiB field would only bloat the rejected table.
  private static final int MAX_VALUE_CHARS = 64;

  private Details() {}

  /** A field and its offending value, e.g. {@code type ' follow'}. */
  static String value(String field, String value) {
    String shown = value;
    if (value.length() > MAX_VALUE_CHARS) {
      int end = MAX_VALUE_CHARS;
      if (Character.isHighSurrogate(value.charAt(end - 1))) {
        end--;
      }
      shown = value.substring(0, end) + "…";
    }
    return field + " '" + shown + "'";
  }
}
