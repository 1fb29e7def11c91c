package org.dunbar.tables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Counts the rows of a run's tables from their Parquet footers, and streams a table's rows.
 * Counting in the pipeline would read every row a second time; the footers say what was written,
 * which is what the run publishes.
 */
public final class TableRows {
  private TableRows() {}

  /**
   * @return rows per table name, for every table folder of the run (0 for one without files)
   * @throws IOException if a Parquet file cannot be read
   */
  public static Map<String, Long> count(Path runDir) throws IOException {
    Map<String, Long> rows = new TreeMap<>();
    Configuration conf = new Configuration();
    for (Table table : Table.values()) {
      Path dir = runDir.resolve(table.tableName());
      long n = 0;
      for (Path file : parquetFiles(dir)) {
        try (ParquetFileReader reader =
            ParquetFileReader.open(
                HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), conf))) {
          n += reader.getRecordCount();
        }
      }
      rows.put(table.tableName(), n);
    }
    return rows;
  }

  /**
   * Hands every row of one table of a run to {@code visitor}, file by file and row by row, so a
   * table of any size is read in constant memory. Columns come as Avro's generic values: strings as
   * {@link CharSequence}, dates as days since 1970-01-01 ({@code Integer}), timestamps as
   * microseconds ({@code Long}); a partitioned table's {@code period_month} is not a column.
   *
   * @return the rows read (0 when the table has no files)
   * @throws IOException if a Parquet file cannot be read
   */
  public static long forEach(Path runDir, Table table, Consumer<GenericRecord> visitor)
      throws IOException {
    Configuration conf = new Configuration();
    long n = 0;
    for (Path file : parquetFiles(runDir.resolve(table.tableName()))) {
      HadoopInputFile input =
          HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), conf);
      try (ParquetReader<GenericRecord> reader =
          AvroParquetReader.<GenericRecord>builder(input).withConf(conf).build()) {
        for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
          visitor.accept(row);
          n++;
        }
      }
    }
    return n;
  }

  private static List<Path> parquetFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
    }
  }
}
