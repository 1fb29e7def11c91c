package org.dunbar.tables;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Writes every table of a run as Parquet files under {@code <runDir>/<table>/}, Hive-partitioned by
 * {@code period_month=YYYY-MM} for the large per-period tables, in one FileIO write whose
 * destinations are the table folders and partitions. Files appear only when their bundle commits
 * (FileIO writes to a temporary folder first), and publication happens later, by the run, once
 * every table is complete.
 *
 * <p>Why one write: on Flink a FileIO write is about a dozen steps, so a write per table made half
 * of a run's tasks (242 of 470), each deployed, started and compiled for; the time is a fixed cost
 * of every run (README "Benchmarks").
 *
 * <p>Input: each table's rows under the table's tag ({@link #rowsOf}).
 */
public final class WriteTables extends PTransform<PCollectionTuple, PDone> {
  private final String runDir;

  public WriteTables(String runDir) {
    this.runDir = runDir;
  }

  /** The tag of a table's rows in this transform's input. */
  public static TupleTag<GenericRecord> rowsOf(Table table) {
    return new TupleTag<>(table.tableName());
  }

  @Override
  public PDone expand(PCollectionTuple tables) {
    PCollectionList<GenericRecord> rows = PCollectionList.empty(tables.getPipeline());
    for (Table table : Table.values()) {
      if (tables.has(rowsOf(table))) {
        // The same rows under the coder of every table's rows, so that one write takes them all.
        rows =
            rows.and(
                tables
                    .get(rowsOf(table))
                    .apply("Rows of " + table.tableName(), ParDo.of(new SameRowFn()))
                    .setCoder(AnyTableRowCoder.of()));
      }
    }
    rows.apply("All rows", Flatten.pCollections())
        .setCoder(AnyTableRowCoder.of())
        .apply(
            FileIO.<String, GenericRecord>writeDynamic()
                .by(new Folder())
                .withDestinationCoder(StringUtf8Coder.of())
                .via(Contextful.fn(folder -> ParquetIO.sink(tableIn(folder).schema())))
                .to(runDir)
                .withNaming(folder -> FileIO.Write.defaultNaming(folder + "/part", ".parquet")));
    return PDone.in(tables.getPipeline());
  }

  /** The table whose folder, or partition folder of it, this is. */
  private static Table tableIn(String folder) {
    int slash = folder.indexOf('/');
    return Table.valueOf(
        (slash < 0 ? folder : folder.substring(0, slash)).toUpperCase(Locale.ROOT));
  }

  private static final class SameRowFn extends DoFn<GenericRecord, GenericRecord> {
    @ProcessElement
    public void process(@Element GenericRecord row, OutputReceiver<GenericRecord> out) {
      out.output(row);
    }
  }

  private static final Pattern SHARD = Pattern.compile("(.*)-(\\d+)-of-(\\d+)\\.parquet");

  /**
   * Keeps one copy of each table folder's files where a cluster restart wrote a table twice.
   *
   * <p>FileIO names a table's files {@code part-SSSSS-of-NNNNN.parquet}. When Flink restarts a
   * region whose table write had already been finalized, the write runs again, and when its bundles
   * fall otherwise it finalizes a second complete set of files under another shard count: every row
   * twice. Each complete set holds every row (a set is finalized only after all its files were
   * written), so the newest complete set is kept and the others removed; an incomplete set is left
   * for the run's accounting to catch.
   *
   * @return one line per folder where a copy was removed
   */
  public static List<String> keepOneCopy(Path runDir) throws IOException {
    List<String> removed = new ArrayList<>();
    for (Table table : Table.values()) {
      Path dir = runDir.resolve(table.tableName());
      if (!Files.isDirectory(dir)) {
        continue;
      }
      List<Path> folders;
      try (Stream<Path> walk = Files.walk(dir)) {
        folders = walk.filter(Files::isDirectory).toList();
      }
      for (Path folder : folders) {
        if (keepNewestCompleteSet(folder)) {
          removed.add(table.tableName() + " (" + runDir.relativize(folder) + ")");
        }
      }
    }
    return removed;
  }

  private static boolean keepNewestCompleteSet(Path folder) throws IOException {
    Map<String, List<Path>> sets = new TreeMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        Matcher m = SHARD.matcher(file.getFileName().toString());
        if (m.matches()) {
          sets.computeIfAbsent(m.group(1) + "-of-" + m.group(3), k -> new ArrayList<>()).add(file);
        }
      }
    }
    if (sets.size() < 2) {
      return false;
    }
    Path newest = null;
    String kept = null;
    for (Map.Entry<String, List<Path>> set : sets.entrySet()) {
      int shards = Integer.parseInt(set.getKey().substring(set.getKey().lastIndexOf("-of-") + 4));
      if (set.getValue().size() != shards) {
        continue;
      }
      for (Path file : set.getValue()) {
        if (newest == null
            || Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(newest)) > 0) {
          newest = file;
          kept = set.getKey();
        }
      }
    }
    if (kept == null) {
      return false;
    }
    for (Map.Entry<String, List<Path>> set : sets.entrySet()) {
      if (!set.getKey().equals(kept)) {
        for (Path file : set.getValue()) {
          Files.delete(file);
        }
      }
    }
    return true;
  }

  /**
   * The Hive partition folder of an empty partitioned table: Hive's name for a null partition
   * value, which Spark, pyarrow and DuckDB read as null. The folder holds no rows; it is there so
   * that a Hive-partitioned read still finds the {@code period_month} column every query of the
   * README names.
   */
  public static final String EMPTY_PARTITION = "period_month=__HIVE_DEFAULT_PARTITION__";

  /**
   * Gives every table of a finished run that got no rows a Parquet file with its columns and no
   * rows, under {@link #EMPTY_PARTITION} for a partitioned table. FileIO writes no file at all for
   * an empty table, and readers (DuckDB, Spark) fail on a folder without one.
   */
  public static void writeEmptyTables(Path runDir) throws IOException {
    for (Table table : Table.values()) {
      Path dir = runDir.resolve(table.tableName());
      if (!hasParquet(dir)) {
        writeEmpty(table, table.partitioned() ? dir.resolve(EMPTY_PARTITION) : dir);
      }
    }
  }

  private static boolean hasParquet(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
    }
  }

  private static void writeEmpty(Table table, Path dir) throws IOException {
    Files.createDirectories(dir);
    try (FileChannel channel =
        FileChannel.open(
            dir.resolve("part-empty.parquet"),
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE)) {
      ParquetIO.Sink sink = ParquetIO.sink(table.schema());
      sink.open(channel);
      sink.flush(); // closes the Parquet writer, which writes the footer
    }
  }

  /**
   * The folder of a row's file under the run: its table's, and for a per-period row the Hive
   * partition of the month of its period_start inside it.
   */
  static final class Folder implements SerializableFunction<GenericRecord, String> {
    @Override
    public String apply(GenericRecord row) {
      Table table = Table.of(row);
      if (!table.partitioned()) {
        return table.tableName();
      }
      // YearMonth prints yyyy-MM for 4-digit years; String.format for each row showed in profiles.
      return table.tableName()
          + "/period_month="
          + YearMonth.from(LocalDate.ofEpochDay((Integer) row.get("period_start")));
    }
  }
}
