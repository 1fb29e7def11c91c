package org.dunbar.formats;

/**
 * Named fields of one input record, whatever its representation (JSON object or CSV row), so that
 * the checks of the SPEC are written once.
 */
@FunctionalInterface
interface RecordFields {
  /** The field's value when present in the SPEC's sense, else null. */
  String get(String name);

  /**
   * The rejection detail of a missing field: its name, first, then whatever tells why it is missing
   * from every record of the file (a CSV header without the column).
   */
  default String missing(String name) {
    return name;
  }
}
