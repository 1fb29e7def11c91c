package org.dunbar.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * Each table's row is built in one file named for the table ({@code follower_growth} → {@code
 * FollowerGrowthRow.java}) that names every column it writes, so {@code grep COLUMN src/main} finds
 * the writer of any column.
 */
class TableRowBuildersTest {
  private static final Path MAIN = Path.of("src", "main", "java", "org", "dunbar");

  /** Set after the row is built, by small-cell suppression in org.dunbar.privacy. */
  private static final String SUPPRESSED = "suppressed";

  @Test
  void everyTableHasOneRowBuilderThatNamesEachOfItsColumns() throws IOException {
    for (Table table : Table.values()) {
      List<Path> builders = builders(table);
      assertEquals(1, builders.size(), table.tableName() + " row builders: " + builders);
      String source = Files.readString(builders.get(0));
      List<String> unnamed = new ArrayList<>();
      for (Schema.Field column : table.schema().getFields()) {
        if (!column.name().equals(SUPPRESSED) && !source.contains('"' + column.name() + '"')) {
          unnamed.add(column.name());
        }
      }
      assertTrue(unnamed.isEmpty(), builders.get(0) + " does not name " + unnamed);
    }
  }

  /** The files under src/main named after the table: follower_growth → FollowerGrowthRow.java. */
  private static List<Path> builders(Table table) throws IOException {
    StringBuilder name = new StringBuilder();
    for (String word : table.tableName().split("_")) {
      name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    String file = name + "Row.java";
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files.filter(p -> p.getFileName().toString().equals(file)).toList();
    }
  }
}
