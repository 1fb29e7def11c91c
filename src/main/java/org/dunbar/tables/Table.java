package org.dunbar.tables;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.beam.sdk.coders.Coder;
import org.dunbar.records.Rejected;

/**
 * The published tables. Each table's schema is the {@code .avsc} file of the same name under {@code
 * schemas/tables} (the rejected table's is the {@link Rejected} record), and that file is the
 * table's column documentation.
 */
public enum Table {
  FOLLOWER_GROWTH(true),
  ACQUISITION_COHORTS(false),
  ACCOUNT_ENGAGEMENT(true),
  ENGAGEMENT_BY_COHORT(false),
  DUNBAR_CURVE(false),
  INTERACTION_EDGES(false),
  NETWORK_LAYERS(false),
  ACCOUNTS(false),
  REJECTED(false);

  private static final Map<Table, Schema> SCHEMAS = new EnumMap<>(Table.class);

  /** Per-(account, period) tables grow with accounts × periods, so they are split by month. */
  private final boolean partitioned;

  Table(boolean partitioned) {
    this.partitioned = partitioned;
  }

  public String tableName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean partitioned() {
    return partitioned;
  }

  public synchronized Schema schema() {
    return SCHEMAS.computeIfAbsent(this, Table::load);
  }

  public GenericRecordBuilder row() {
    return new GenericRecordBuilder(schema());
  }

  /** The coder of this table's rows between steps ({@link TableRowCoder}). */
  public Coder<GenericRecord> coder() {
    return new TableRowCoder(this);
  }

  /**
   * The table a row belongs to, by its schema's name.
   *
   * @throws IllegalArgumentException for a row of no table's schema
   */
  public static Table of(GenericRecord row) {
    Table table = BySchemaName.TABLES.get(row.getSchema().getFullName());
    if (table == null) {
      throw new IllegalArgumentException("a row of no table: " + row.getSchema().getFullName());
    }
    return table;
  }

  /** Built on first use, when the schemas can be loaded. */
  private static final class BySchemaName {
    static final Map<String, Table> TABLES =
        Arrays.stream(values()).collect(Collectors.toMap(t -> t.schema().getFullName(), t -> t));
  }

  private static Schema load(Table table) {
    if (table == REJECTED) {
      return Rejected.getClassSchema();
    }
    String resource = "/schemas/tables/" + table.tableName() + ".avsc";
    try (InputStream in = Table.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("table schema missing from the build: " + resource);
      }
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
