package org.dunbar.tables;

import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.dunbar.formats.RawText;
import org.dunbar.records.Rejected;

/**
 * Builds one {@code rejected} row (one input record that failed a check; SPEC "Table rejected").
 * The row is the {@link Rejected} record itself, which travels between stages with its own coder.
 */
public final class RejectedRow {
  private RejectedRow() {}

  /** The rejected records as table rows: they are the rows already, under the table's coder. */
  public static PTransform<PCollection<Rejected>, PCollection<GenericRecord>> rows() {
    return new PTransform<>() {
      @Override
      public PCollection<GenericRecord> expand(PCollection<Rejected> rejected) {
        return rejected
            .apply(
                "As rows",
                MapElements.into(TypeDescriptor.of(GenericRecord.class)).via((Rejected r) -> r))
            .setCoder(Table.REJECTED.coder());
      }
    };
  }

  /**
   * @param source the input file as its glob matched it
   * @param line the record's 1-based physical line
   * @param kind events, snapshots or baseline
   * @param reason the first check that failed; {@code detail} says which field or value
   * @param raw the record's text, cut to {@link RawText#MAX_BYTES}
   * @param cutBefore whether the text was already cut before {@code raw} saw it (a line too long to
   *     read whole)
   */
  public static Rejected of(
      String source,
      long line,
      String kind,
      String reason,
      String detail,
      RawText raw,
      boolean cutBefore) {
    Rejected row = new Rejected();
    row.put("source", source);
    row.put("line", line);
    row.put("kind", kind);
    row.put("reason", reason);
    row.put("detail", detail);
    row.put("raw", raw.text());
    row.put("raw_truncated", raw.truncated() || cutBefore);
    return row;
  }
}
