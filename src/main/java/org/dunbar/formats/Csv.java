package org.dunbar.formats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Splits one CSV record into its fields as RFC 4180 defines them, with Apache Commons CSV: fields
 * optionally quoted; a quoted field may hold delimiters, doubled quotes and line breaks. The record
 * comes whole from the file's {@link Framing#csv} framing, which found where it ends.
 */
final class Csv {
  private Csv() {}

  /** RFC 4180 with the input's delimiter. */
  static CSVFormat format(char delimiter) {
    return CSVFormat.RFC4180.builder().setDelimiter(delimiter).build();
  }

  /**
   * @throws Unparsable when the record is not one RFC 4180 record; the detail is in words, never
   *     the parser's own message
   */
  static List<String> split(String record, CSVFormat format) throws Unparsable {
    List<CSVRecord> records;
    try (CSVParser parser = CSVParser.parse(record, format)) {
      records = parser.getRecords();
    } catch (IOException | UncheckedIOException e) {
      throw new Unparsable(describe(e));
    }
    if (records.size() != 1) {
      // The framing ends records only at '\n': a lone '\r' outside quotes is all that can split
      // one.
      throw new Unparsable(
          "a carriage return outside quotes splits the record (old Mac line endings?)");
    }
    List<String> fields = new ArrayList<>(records.get(0).size());
    records.get(0).forEach(fields::add);
    return fields;
  }

  private static String describe(Exception e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("EOF reached before encapsulated token finished")) {
      return "a quoted field is not closed";
    }
    if (message.contains("invalid char between encapsulated token and delimiter")) {
      return "text after the closing quote of a field";
    }
    return "not a valid CSV record";
  }
}
