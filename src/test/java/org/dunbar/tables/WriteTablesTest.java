package org.dunbar.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class WriteTablesTest {
  private static final WriteTables.Folder FOLDER = new WriteTables.Folder();

  @Test
  void perPeriodRowsGoToTheirMonthsPartitionOthersToTheirTablesFolder() {
    GenericRecord growth = TableRowCoderTest.row(Table.FOLLOWER_GROWTH.schema(), false);
    growth.put("period_start", (int) LocalDate.parse("2024-02-26").toEpochDay());
    assertEquals("follower_growth/period_month=2024-02", FOLDER.apply(growth));
    GenericRecord engagement = TableRowCoderTest.row(Table.ACCOUNT_ENGAGEMENT.schema(), false);
    engagement.put("period_start", (int) LocalDate.parse("2023-12-31").toEpochDay());
    assertEquals("account_engagement/period_month=2023-12", FOLDER.apply(engagement));
    for (Table table : Table.values()) {
      if (!table.partitioned()) {
        assertEquals(table.tableName(), FOLDER.apply(TableRowCoderTest.row(table.schema(), false)));
      }
    }
  }
}
