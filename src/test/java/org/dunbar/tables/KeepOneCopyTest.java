package org.dunbar.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table finalized twice by a cluster restart keeps one complete set of files. */
class KeepOneCopyTest {
  @TempDir Path runDir;

  private void file(String path, long modifiedSeconds) throws Exception {
    Path file = runDir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, path);
    Files.setLastModifiedTime(file, FileTime.fromMillis(modifiedSeconds * 1000));
  }

  private List<String> files(String table) throws Exception {
    try (Stream<Path> walk = Files.walk(runDir.resolve(table))) {
      return walk.filter(Files::isRegularFile)
          .map(p -> runDir.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  @Test
  void theNewestCompleteSetIsKeptAndTheOthersRemoved() throws Exception {
    // First finalization: one shard; after the restart, two shards: every row twice.
    file("rejected/part-00000-of-00001.parquet", 100);
    file("rejected/part-00000-of-00002.parquet", 200);
    file("rejected/part-00001-of-00002.parquet", 201);
    // A partitioned table: one month written twice, another once.
    file("follower_growth/period_month=2024-01/part-00000-of-00002.parquet", 100);
    file("follower_growth/period_month=2024-01/part-00001-of-00002.parquet", 100);
    file("follower_growth/period_month=2024-01/part-00000-of-00001.parquet", 300);
    file("follower_growth/period_month=2024-02/part-00000-of-00001.parquet", 100);

    assertEquals(
        List.of("follower_growth (follower_growth/period_month=2024-01)", "rejected (rejected)"),
        WriteTables.keepOneCopy(runDir).stream().sorted().toList());
    assertEquals(
        List.of("rejected/part-00000-of-00002.parquet", "rejected/part-00001-of-00002.parquet"),
        files("rejected"));
    assertEquals(
        List.of(
            "follower_growth/period_month=2024-01/part-00000-of-00001.parquet",
            "follower_growth/period_month=2024-02/part-00000-of-00001.parquet"),
        files("follower_growth"));
  }

  @Test
  void anIncompleteSetAloneIsLeftForTheAccountingToCatch() throws Exception {
    file("rejected/part-00000-of-00003.parquet", 100);
    file("rejected/part-00001-of-00002.parquet", 200);
    assertEquals(List.of(), WriteTables.keepOneCopy(runDir));
    assertEquals(2, files("rejected").size());
  }

  @Test
  void oneSetIsLeftAlone() throws Exception {
    file("rejected/part-00000-of-00002.parquet", 100);
    file("rejected/part-00001-of-00002.parquet", 100);
    assertEquals(List.of(), WriteTables.keepOneCopy(runDir));
    assertEquals(2, files("rejected").size());
  }
}
