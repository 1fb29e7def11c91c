package org.dunbar.formats;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line as RFC 4180 writes it: comma separated, fields optionally quoted, a quote
 * inside a quoted field doubled. Input is line-based, so a quoted field cannot span lines: one that
 * does is reported as unterminated. Anything RFC 4180 does not allow is unparsable rather than
 * guessed at: a quote inside an unquoted field, or text after a closing quote.
 */
final class Csv {
  private Csv() {}

  static List<String> split(String line) throws Unparsable {
    List<String> fields = new ArrayList<>();
    int n = line.length();
    int i = 0;
    while (true) {
      StringBuilder field = new StringBuilder();
      if (i < n && line.charAt(i) == '"') {
        i = quoted(line, i + 1, field, fields.size() + 1);
        if (i < n && line.charAt(i) != ',') {
          throw new Unparsable("text after the closing quote of column " + (fields.size() + 1));
        }
      } else {
        while (i < n && line.charAt(i) != ',') {
          if (line.charAt(i) == '"') {
            throw new Unparsable("quote inside unquoted column " + (fields.size() + 1));
          }
          field.append(line.charAt(i++));
        }
      }
      fields.add(field.toString());
      if (i == n) {
        return fields;
      }
      i++;
    }
  }

  /** Reads a quoted field from just after its opening quote; returns the index after its end. */
  private static int quoted(String line, int from, StringBuilder field, int column)
      throws Unparsable {
    int i = from;
    while (i < line.length()) {
      char c = line.charAt(i++);
      if (c != '"') {
        field.append(c);
      } else if (i < line.length() && line.charAt(i) == '"') {
        field.append('"');
        i++;
      } else {
        return i;
      }
    }
    throw new Unparsable("unterminated quoted column " + column);
  }
}
