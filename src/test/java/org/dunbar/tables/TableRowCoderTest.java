package org.dunbar.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.util.SerializableUtils;
import org.junit.jupiter.api.Test;

class TableRowCoderTest {
  @Test
  void everyTablesRowsComeBackAsWritten() throws Exception {
    for (Table table : Table.values()) {
      Coder<GenericRecord> coder = table.coder();
      for (boolean nulls : new boolean[] {false, true}) {
        GenericRecord row = row(table.schema(), nulls);
        assertEquals(row, CoderUtils.clone(coder, row), table.tableName());
        // As Flink ships it to its tasks: serialized, then used without its derived columns.
        Coder<GenericRecord> shipped = SerializableUtils.clone(coder);
        assertEquals(row, CoderUtils.clone(shipped, row), table.tableName());
      }
    }
  }

  @Test
  void rowsOfEveryTableComeBackThroughTheOneCoderOfAllTables() throws Exception {
    Coder<GenericRecord> coder = AnyTableRowCoder.of();
    Coder<GenericRecord> shipped = SerializableUtils.clone(coder);
    for (Table table : Table.values()) {
      GenericRecord row = row(table.schema(), false);
      assertEquals(row, CoderUtils.clone(coder, row), table.tableName());
      assertEquals(row, CoderUtils.clone(shipped, row), table.tableName());
      assertEquals(table, Table.of(CoderUtils.clone(coder, row)));
    }
  }

  @Test
  void valuesAtTheirLimitsKeepEveryBit() throws Exception {
    Coder<GenericRecord> coder = Table.NETWORK_LAYERS.coder();
    GenericRecord row = row(Table.NETWORK_LAYERS.schema(), false);
    row.put("edges", Long.MIN_VALUE);
    row.put("self_loops", Long.MAX_VALUE);
    row.put("edge_reciprocity", -0.0);
    row.put("pair_reciprocity", Double.NaN);
    GenericRecord back = CoderUtils.clone(coder, row);
    assertEquals(Long.MIN_VALUE, back.get("edges"));
    assertEquals(Long.MAX_VALUE, back.get("self_loops"));
    assertEquals(
        Double.doubleToRawLongBits(-0.0),
        Double.doubleToRawLongBits((Double) back.get("edge_reciprocity")));
    assertEquals(Double.NaN, back.get("pair_reciprocity"));
    row.put("edge_reciprocity", null);
    assertNull(CoderUtils.clone(coder, row).get("edge_reciprocity"));
  }

  @Test
  void eachTableHasItsOwnCoder() throws Exception {
    CoderProperties.coderSerializable(Table.ACCOUNTS.coder());
    assertEquals(Table.ACCOUNTS.coder(), Table.ACCOUNTS.coder());
    assertEquals(Table.ACCOUNTS.coder().hashCode(), Table.ACCOUNTS.coder().hashCode());
    assertNotEquals(Table.ACCOUNTS.coder(), Table.DUNBAR_CURVE.coder());
  }

  /** A row with a value in every column, or with every nullable column null. */
  static GenericRecord row(Schema schema, boolean nulls) {
    GenericData.Record row = new GenericData.Record(schema);
    int i = 0;
    for (Schema.Field field : schema.getFields()) {
      if (nulls && field.schema().isNullable()) {
        continue;
      }
      Schema type = TableRowCoder.valueType(field);
      i++;
      row.put(
          field.name(),
          switch (type.getType()) {
            case LONG -> 1_700_000_000_000_000L + i;
            case INT -> -19_000 - i;
            case DOUBLE -> i / 3.0;
            case BOOLEAN -> i % 2 == 0;
            case STRING -> "ä😀 " + field.name();
            default -> throw new AssertionError(field + ": a column type the coder does not know");
          });
    }
    return row;
  }
}
