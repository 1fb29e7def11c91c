package org.dunbar.formats;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;

/**
 * Reads CSV rows by the names of a file's header. Only the columns a format knows are looked up, in
 * any order; others are ignored. A field is present when it is not empty. A field the header has no
 * column for is missing, and its rejection detail names the columns the header does have (and the
 * delimiter, when the header is one column holding another one).
 */
final class CsvColumns implements Serializable {
  private static final long serialVersionUID = 1L;

  // Enough column names to recognise a header; a wide export would only bloat the detail.
  private static final int MAX_NAMES_SHOWN = 12;

  private final List<String> known;
  private final char delimiter;
  private final CSVFormat format;

  // Every row of a file comes with the same header: parse it once, not per row. Not part of the
  // configuration, so not serialized.
  private transient volatile Header lastHeader;

  CsvColumns(List<String> known, char delimiter) {
    this.known = List.copyOf(known);
    this.delimiter = delimiter;
    this.format = Csv.format(delimiter);
  }

  /**
   * @param header the file's header record; null is a caller's bug
   * @param row one data record of that file
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
    List<String> values = Csv.split(row, format);
    if (values.size() != parsed.names.size()) {
      throw new Unparsable(
          "expected " + parsed.names.size() + " columns as in the header, found " + values.size());
    }
    Header columns = parsed;
    return new RecordFields() {
      @Override
      public String get(String name) {
        Integer column = columns.index.get(name);
        String value = column == null ? null : values.get(column);
        return value == null || value.isEmpty() ? null : value;
      }

      @Override
      public String missing(String name) {
        return columns.index.containsKey(name) ? name : columns.lacking(name, delimiter);
      }
    };
  }

  private Header parseHeader(String header) throws Unparsable {
    List<String> names;
    try {
      names = Csv.split(header, format);
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
    return new Header(header, names, index);
  }

  private record Header(String text, List<String> names, Map<String, Integer> index) {
    /** Why a field is missing from every row: the header has no such column. */
    String lacking(String name, char delimiter) {
      String shown =
          names.stream()
              .limit(MAX_NAMES_SHOWN)
              .map(n -> "'" + n + "'")
              .collect(Collectors.joining(", "));
      String more = names.size() > MAX_NAMES_SHOWN ? ", …" : "";
      String detail =
          name
              + ": the header has no column '"
              + name
              + "'; its "
              + names.size()
              + (names.size() == 1 ? " column: " : " columns: ")
              + shown
              + more;
      return detail + delimiterHint(delimiter);
    }

    /**
     * When the whole header is one column holding ';' or tabs, the file is likely separated by
     * them.
     */
    private String delimiterHint(char delimiter) {
      if (names.size() != 1) {
        return "";
      }
      String only = names.get(0);
      if (delimiter != ';' && only.indexOf(';') >= 0) {
        return " (it holds ';': set the input's delimiter to ';')";
      }
      if (delimiter != '\t' && only.indexOf('\t') >= 0) {
        return " (it holds tabs: set the input's delimiter to tab)";
      }
      return "";
    }
  }
}
