package org.dunbar.formats;

import java.util.ArrayList;
import java.util.List;

/** Whitespace-separated fields, as in SNAP files and edge lists. */
final class Tokens {
  private Tokens() {}

  /** ASCII whitespace as the line formats understand it: space, tab and carriage return. */
  static boolean isSpace(int c) {
    return c == ' ' || c == '\t' || c == '\r';
  }

  /**
   * The line's tokens, which must number exactly {@code count}.
   *
   * @throws Unparsable when they do not
   */
  static List<String> exactly(int count, String line) throws Unparsable {
    List<String> tokens = split(line);
    if (tokens.size() != count) {
      throw new Unparsable(
          "expected " + count + " whitespace-separated fields, found " + tokens.size());
    }
    return tokens;
  }

  private static List<String> split(String line) {
    List<String> tokens = new ArrayList<>(4);
    int i = 0;
    int n = line.length();
    while (i < n) {
      while (i < n && isSpace(line.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isSpace(line.charAt(i))) {
        i++;
      }
      if (i > start) {
        tokens.add(line.substring(start, i));
      }
    }
    return tokens;
  }
}
