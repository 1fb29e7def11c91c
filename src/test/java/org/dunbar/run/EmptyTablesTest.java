package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.dunbar.tables.Table;
import org.dunbar.tables.WriteTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table with no rows (acquisition_cohorts without follows, rejected on a clean input) gets no
 * file from FileIO. It must still publish as a readable, empty table with its columns, or the
 * README's queries fail with "no files found" on a perfectly good run.
 */
class EmptyTablesTest {
  @TempDir Path run;

  @Test
  void emptyTablesBecomeEmptyParquetFilesWithTheirSchema() throws IOException {
    // FileIO left only the interaction_edges folder; its file must be left alone.
    Path edges =
        Files.createDirectories(run.resolve("interaction_edges"))
            .resolve("part-00000-of-00001.parquet");
    Files.writeString(edges, "written by the pipeline");

    WriteTables.writeEmptyTables(run);

    assertEquals("written by the pipeline", Files.readString(edges));
    for (Table table : Table.values()) {
      if (table == Table.INTERACTION_EDGES) {
        continue;
      }
      assertEquals(
          List.of("0"),
          Duck.rows("select count(*) from " + Duck.table(run, table.tableName())),
          table.tableName());
      List<String> columns =
          Duck.rows(
              "select column_name from (describe select * from "
                  + Duck.table(run, table.tableName())
                  + ")");
      List<String> expected =
          new java.util.ArrayList<>(
              table.schema().getFields().stream().map(Schema.Field::name).toList());
      if (table.partitioned()) {
        expected.add("period_month"); // from the Hive folder, as on a run with rows
      }
      assertEquals(expected, columns, table.tableName());
    }
  }

  @Test
  void anEmptyPartitionedTableAnswersAQueryOnItsPartitionColumn() throws IOException {
    WriteTables.writeEmptyTables(run);
    assertEquals(
        List.of("0"),
        Duck.rows(
            "select count(*) from "
                + Duck.table(run, "follower_growth")
                + " where period_month >= '2024-01'"));
  }
}
