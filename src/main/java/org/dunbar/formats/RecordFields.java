package org.dunbar.formats;

/**
 * Named fields of one input record, whatever its representation (JSON object or CSV row), so that
 * the checks of the SPEC are written once.
 */
@FunctionalInterface
interface RecordFields {
  /** The field's value when present in the SPEC's sense, else null. */
  String get(String name);
}
