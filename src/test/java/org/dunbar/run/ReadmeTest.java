package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * The README promises analysts queries they can paste and a column reference for every table. Both
 * are checked against the code: the queries run on a real published run, and the reference lists
 * exactly the columns of the schemas the tables are written with.
 */
class ReadmeTest {
  private static final Path README = Path.of("README.md");
  private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```");
  private static final Pattern DUCKDB_COMMAND = Pattern.compile("duckdb -c \"([^\"]+)\"");
  private static final Pattern SUBSECTION = Pattern.compile("`([a-z_]+)`\n");
  private static final Pattern COLUMN_ROW = Pattern.compile("(?m)^\\| `([a-z0-9_]+)` \\|");

  private static String readme() throws IOException {
    return Files.readString(README, StandardCharsets.UTF_8);
  }

  /** Every ```sql block, and the query of every `duckdb -c "…"` line in the shell examples. */
  private static List<String> queries(String readme) {
    List<String> queries = new ArrayList<>();
    Matcher fence = FENCE.matcher(readme);
    while (fence.find()) {
      if (fence.group(1).equals("sql")) {
        queries.add(fence.group(2));
      } else if (fence.group(1).equals("bash")) {
        Matcher command = DUCKDB_COMMAND.matcher(fence.group(2));
        while (command.find()) {
          queries.add(command.group(1));
        }
      }
    }
    return queries;
  }

  @Test
  void everyQueryRunsOnAPublishedRunAndReturnsRows() throws IOException {
    Path run = StudyFileRun.published();
    List<String> queries = queries(readme());
    // At least the shell example and the five pasteable queries of "Reading the tables": fewer
    // means the extraction missed some.
    assertTrue(queries.size() >= 6, "queries found in README.md: " + queries);
    for (String query : queries) {
      assertTrue(query.contains("$RUN"), "every README query reads a run: " + query);
      List<String> rows = Duck.rows(query.replace("$RUN", run.toString()));
      assertFalse(rows.isEmpty(), "no rows from:\n" + query);
    }
  }

  @Test
  void tablesSectionListsExactlyEachSchemasColumns() throws IOException {
    Map<String, String> documented = tableSubsections(readme());
    Map<String, List<String>> schemas = schemaColumns();
    assertEquals(schemas.keySet(), documented.keySet(), "tables documented under ## Tables");
    schemas.forEach(
        (table, columns) -> {
          List<String> listed = new ArrayList<>();
          Matcher row = COLUMN_ROW.matcher(documented.get(table));
          while (row.find()) {
            listed.add(row.group(1));
          }
          assertEquals(columns, listed, "README column rows of " + table);
        });
  }

  /** The text of each "### `table`" subsection of the "## Tables" section, by table. */
  private static Map<String, String> tableSubsections(String readme) {
    int start = readme.indexOf("\n## Tables\n");
    assertTrue(start >= 0, "README.md has a ## Tables section");
    int end = readme.indexOf("\n## ", start + 1);
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    Map<String, String> subsections = new LinkedHashMap<>();
    for (String part : section.split("\n### ")) {
      Matcher heading = SUBSECTION.matcher(part);
      if (heading.lookingAt()) {
        subsections.put(heading.group(1), part);
      }
    }
    return subsections;
  }

  /** Column names in schema order: schemas/tables/*.avsc, and the Rejected record for rejected. */
  private static Map<String, List<String>> schemaColumns() throws IOException {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    List<Path> files;
    try (Stream<Path> tables = Files.list(Path.of("schemas", "tables"))) {
      files = new ArrayList<>(tables.filter(p -> p.toString().endsWith(".avsc")).sorted().toList());
    }
    files.add(Path.of("schemas", "records", "Rejected.avsc"));
    for (Path file : files) {
      Schema schema = new Schema.Parser().parse(file.toFile());
      String table =
          file.getFileName().toString().equals("Rejected.avsc")
              ? "rejected"
              : file.getFileName().toString().replace(".avsc", "");
      columns.put(table, schema.getFields().stream().map(Schema.Field::name).toList());
    }
    return columns;
  }
}
