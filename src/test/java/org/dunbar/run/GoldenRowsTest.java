package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dunbar.tables.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every row of every table, on the sample study and CollegeMsg, equals the golden digests in {@code
 * src/test/resources/golden/}: taken when the pipeline was rebuilt for speed, after checking that
 * the seven analysis tables equal those of the pipeline before (see the files' comments). A change
 * that moves one value of one row anywhere fails here; a deliberate change of results updates the
 * golden files in the same commit, saying why.
 */
class GoldenRowsTest {
  @TempDir Path tmp;

  @Test
  void theSampleStudyKeepsItsRows() throws IOException {
    Path dump = tmp.resolve("sample");
    assertEquals(
        0,
        Dunbar.run(
                "generate",
                "--out",
                dump.toString(),
                "--accounts",
                "1000",
                "--days",
                "180",
                "--seed",
                "7")
            .exitCode());
    Path run =
        Dunbar.run(
                "run",
                "pipelines/sample.yaml",
                "--output=" + tmp.resolve("out"),
                "--parallelism=2",
                "--events=" + dump.resolve("events/*.jsonl.gz"),
                "--snapshots=" + dump.resolve("snapshots/*.csv"),
                "--baseline=" + dump.resolve("baseline/*.txt"))
            .published();
    assertEquals(golden("sample.tsv"), digests(run));
  }

  @Test
  void collegeMsgKeepsItsRows() throws IOException {
    assertEquals(golden("collegemsg.tsv"), digests(CollegeMsgRun.published()));
  }

  /**
   * table → "rows sha256" of its rows sorted, as DuckDB reads them; left out: file paths, the
   * partition column and {@code suppressed}, false in every row of a run without {@code min_cell}.
   */
  static Map<String, String> digests(Path run) {
    Map<String, String> digests = new LinkedHashMap<>();
    for (Table table : Table.values()) {
      String name = table.tableName();
      String rows =
          String.join(
              "\n",
              Duck.rows(
                  "select columns(c -> c not in ('period_month', 'source', 'suppressed')) from "
                      + Duck.table(run, name)
                      + " order by all"));
      long count = rows.isEmpty() ? 0 : rows.split("\n", -1).length;
      digests.put(name, count + " " + sha256(rows));
    }
    return digests;
  }

  private static Map<String, String> golden(String file) throws IOException {
    Map<String, String> golden = new LinkedHashMap<>();
    try (InputStream in = GoldenRowsTest.class.getResourceAsStream("/golden/" + file)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] f = line.split("\t");
          golden.put(f[0], f[1] + " " + f[2]);
        }
      }
    }
    Map<String, String> inTableOrder = new LinkedHashMap<>();
    for (Table table : Table.values()) {
      inTableOrder.put(table.tableName(), golden.get(table.tableName()));
    }
    return inTableOrder;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
