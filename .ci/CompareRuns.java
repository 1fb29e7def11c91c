import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.dunbar.tables.Table;

/**
 * Compares every table of two run folders row for row with DuckDB, as a multiset (row order and
 * file layout may differ between runners and parallelisms). Prints one line per table and exits 1
 * when any table differs.
 *
 * <p>java -cp target/dunbar.jar:DUCKDB_JDBC_JAR .ci/CompareRuns.java LABEL RUN_A RUN_B
 */
public class CompareRuns {
  public static void main(String[] args) throws Exception {
    String label = args[0];
    int differing = 0;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      for (Table table : Table.values()) {
        String a = read(args[1], table);
        String b = read(args[2], table);
        ResultSet r = s.executeQuery("select (select count(*) from " + a + "),"
            + " (select count(*) from ((select * from " + a + " except all select * from " + b + ")"
            + " union all (select * from " + b + " except all select * from " + a + ")))");
        r.next();
        System.out.printf("%s: %-22s %8d rows, %d differ%n", label, table.tableName(), r.getLong(1),
            r.getLong(2));
        differing += r.getLong(2) == 0 ? 0 : 1;
      }
    }
    System.exit(differing == 0 ? 0 : 1);
  }

  /** A table of a run without its partition column, which is the folder layout, not a value. */
  private static String read(String run, Table table) {
    String path = run + "/" + table.tableName();
    return table.partitioned()
        ? "(select * exclude (period_month) from read_parquet('" + path + "/**/*.parquet',"
            + " hive_partitioning = true))"
        : "read_parquet('" + path + "/*.parquet')";
  }
}
