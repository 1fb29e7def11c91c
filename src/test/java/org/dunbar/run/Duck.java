package org.dunbar.run;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dunbar.tables.Table;

/** Reads published tables with DuckDB: an independent Parquet reader, as analysts use it. */
final class Duck {
  private Duck() {}

  /** Rows as "v1|v2|…" strings, nulls as "null". */
  static List<String> rows(String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      List<String> rows = new ArrayList<>();
      int n = r.getMetaData().getColumnCount();
      while (r.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          row.append(i > 1 ? "|" : "").append(r.getString(i));
        }
        rows.add(row.toString());
      }
      return rows;
    } catch (SQLException e) {
      throw new AssertionError("DuckDB failed on: " + sql, e);
    }
  }

  /** The read_parquet expression of one table of a run. */
  static String table(Path run, String table) {
    return partitioned(table)
        ? "read_parquet('" + run.resolve(table) + "/**/*.parquet', hive_partitioning = true)"
        : "read_parquet('" + run.resolve(table) + "/*.parquet')";
  }

  /** Every row of a table in a canonical order, without the partition column. */
  static List<String> all(Path run, String table) {
    String exclude = partitioned(table) ? " exclude (period_month)" : "";
    return rows("select *" + exclude + " from " + table(run, table) + " order by all");
  }

  private static boolean partitioned(String table) {
    return Table.valueOf(table.toUpperCase(Locale.ROOT)).partitioned();
  }

  /** column name → DuckDB type. */
  static List<String> describe(Path run, String table) {
    return rows(
        "select column_name, column_type from (describe select * from " + table(run, table) + ")");
  }
}
