package org.dunbar.tables;

import java.util.Arrays;
import org.apache.avro.generic.GenericRecord;
import org.dunbar.coders.CompactCoder;
import org.dunbar.coders.CompactReader;
import org.dunbar.coders.CompactWriter;

/**
 * Rows of every table in one collection, for the one write of all tables ({@link WriteTables}): the
 * row's {@link Table} (its ordinal), then the row as that table's {@link TableRowCoder} writes it.
 */
final class AnyTableRowCoder extends CompactCoder<GenericRecord> {
  private static final AnyTableRowCoder INSTANCE = new AnyTableRowCoder();

  private final TableRowCoder[] coders =
      Arrays.stream(Table.values()).map(TableRowCoder::new).toArray(TableRowCoder[]::new);

  static AnyTableRowCoder of() {
    return INSTANCE;
  }

  @Override
  protected void write(GenericRecord row, CompactWriter out) {
    Table table = Table.of(row);
    out.unsigned(table.ordinal());
    coders[table.ordinal()].writeFields(row, out);
  }

  @Override
  protected GenericRecord read(CompactReader in) {
    return coders[Math.toIntExact(in.unsigned())].readFields(in);
  }
}
