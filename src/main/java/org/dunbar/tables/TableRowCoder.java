package org.dunbar.tables;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.dunbar.coders.CompactCoder;
import org.dunbar.coders.CompactReader;
import org.dunbar.coders.CompactWriter;

/**
 * A table's rows between the steps that build them and the Parquet writer: each column in schema
 * order, by its type (longs, ints and dates as zig-zag varints, doubles as 8 bytes, booleans, UTF-8
 * strings), a nullable column behind a presence flag. Avro's own coder did the same through its
 * generic datum reader and writer, which cost a twentieth of the CPU at 10M events and, being
 * compiled once per table schema, several seconds of JIT compilation at 1M (README "Benchmarks").
 * Strings decode as {@link String}; readers of rows take any {@link CharSequence}.
 *
 * @throws IllegalArgumentException (at construction) for a column type no table uses
 */
final class TableRowCoder extends CompactCoder<GenericRecord> {
  /** How one column is written. */
  private enum Kind {
    LONG,
    INT,
    DOUBLE,
    BOOLEAN,
    STRING
  }

  private final Table table;
  // Derived from the table's schema, which is not serializable: rebuilt after deserialization. A
  // record's fields are final, so a thread that sees the reference sees them filled.
  private transient Columns columns;

  /** The schema and, per column in schema order, its kind and whether it may be null. */
  private record Columns(Schema schema, Kind[] kinds, boolean[] nullable) {}

  TableRowCoder(Table table) {
    this.table = table;
    this.columns = columnsOf(table);
  }

  private static Columns columnsOf(Table table) {
    Schema schema = table.schema();
    List<Schema.Field> fields = schema.getFields();
    Kind[] kinds = new Kind[fields.size()];
    boolean[] nullable = new boolean[fields.size()];
    for (int i = 0; i < kinds.length; i++) {
      nullable[i] = fields.get(i).schema().isNullable();
      kinds[i] = kindOf(valueType(fields.get(i)), table, fields.get(i).name());
    }
    return new Columns(schema, kinds, nullable);
  }

  /** A column's type, or for a nullable column (a union with null) the type of its values. */
  static Schema valueType(Schema.Field column) {
    Schema type = column.schema();
    if (!type.isNullable()) {
      return type;
    }
    List<Schema> branches = type.getTypes();
    return branches.get(branches.get(0).getType() == Schema.Type.NULL ? 1 : 0);
  }

  private static Kind kindOf(Schema type, Table table, String column) {
    return switch (type.getType()) {
      case LONG -> Kind.LONG;
      case INT -> Kind.INT;
      case DOUBLE -> Kind.DOUBLE;
      case BOOLEAN -> Kind.BOOLEAN;
      case STRING -> Kind.STRING;
      default ->
          throw new IllegalArgumentException(
              table.tableName() + "." + column + ": no row coding for " + type);
    };
  }

  private Columns columns() {
    if (columns == null) {
      columns = columnsOf(table);
    }
    return columns;
  }

  /** Coders of two tables differ: Flink tells the types of its data sets apart by their coders. */
  @Override
  public boolean equals(Object other) {
    return other instanceof TableRowCoder o && o.table == table;
  }

  @Override
  public int hashCode() {
    return table.name().hashCode();
  }

  @Override
  protected void write(GenericRecord row, CompactWriter out) {
    Columns c = columns();
    for (int i = 0; i < c.kinds().length; i++) {
      Object value = row.get(i);
      if (c.nullable()[i]) {
        out.bool(value != null);
        if (value == null) {
          continue;
        }
      }
      switch (c.kinds()[i]) {
        case LONG -> out.signed((Long) value);
        case INT -> out.signed((Integer) value);
        case DOUBLE -> out.float64((Double) value);
        case BOOLEAN -> out.bool((Boolean) value);
        case STRING -> out.string(value.toString());
      }
    }
  }

  @Override
  protected GenericRecord read(CompactReader in) {
    Columns c = columns();
    GenericData.Record row = new GenericData.Record(c.schema());
    for (int i = 0; i < c.kinds().length; i++) {
      if (c.nullable()[i] && !in.bool()) {
        continue;
      }
      row.put(
          i,
          switch (c.kinds()[i]) {
            case LONG -> in.signed();
            case INT -> Math.toIntExact(in.signed());
            case DOUBLE -> in.float64();
            case BOOLEAN -> in.bool();
            case STRING -> in.string();
          });
    }
    return row;
  }
}
