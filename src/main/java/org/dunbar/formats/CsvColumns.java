package org.dunbar.formats;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CSV rows by the names of a file's header. Only the columns a format knows are looked up, in
 * any order; others are ignored. A field is present when it is not empty.
 */
final class CsvColumns implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<String> known;

  // Every row of a file comes with the same header: parse it once, not per row. Not part of the
  // configuration, so not serialized.
  private transient volatile Header lastHeader;

  CsvColumns(List<String> known) {
    this.known = List.copyOf(known);
  }

  /**
   * @param header the file's header line; null is a caller's bug
   * @param row one data line of that file
   * @throws Unparsable when the header or the row cannot be split, or their column counts differ
   */
  RecordFields fields(String header, String row) throws Unparsable {
    if (header == null) {
      throw new IllegalArgumentException("a CSV row was passed without its file's header");
    }
    Header parsed = lastHeader;
    if (parsed == null || !parsed.text.equals(header)) {
      parsed = parseHeader(header);
      lastHeader = parsed;
    }
    List<String> values = Csv.split(row);
    if (values.size() != parsed.columns) {
      throw new Unparsable(
          "expected " + parsed.columns + " columns as in the header, found " + values.size());
    }
    Map<String, Integer> index = parsed.index;
    return name -> {
      Integer column = index.get(name);
      String value = column == null ? null : values.get(column);
      return value == null || value.isEmpty() ? null : value;
    };
  }

  private Header parseHeader(String header) throws Unparsable {
    List<String> names;
    try {
      names = Csv.split(header);
    } catch (Unparsable e) {
      throw new Unparsable("header: " + e.getMessage());
    }
    Map<String, Integer> index = new HashMap<>();
    for (int column = 0; column < names.size(); column++) {
      String name = names.get(column);
      if (known.contains(name) && index.putIfAbsent(name, column) != null) {
        throw new Unparsable("header: column '" + name + "' appears twice");
      }
    }
    return new Header(header, names.size(), index);
  }

  private record Header(String text, int columns, Map<String, Integer> index) {}
}
