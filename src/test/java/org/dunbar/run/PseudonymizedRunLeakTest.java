package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No id of the input survives a pseudonymized run: every string in every Parquet file of the run
 * folder (read with DuckDB) and the manifest are searched for each account and post id, and for the
 * key. The ids are long and distinct, so a substring match means a leak, not a coincidence.
 */
class PseudonymizedRunLeakTest {
  private static final List<String> IDS =
      List.of(
          "acct-ann-7q",
          "acct-bob-7q",
          "acct-cat-7q",
          "acct-dan-7q",
          "acct-zed-7q",
          "acct-sol-7q",
          "acct-hal-7q",
          "acct-ivy-7q",
          "post-p1-7q",
          "post-p2-7q");
  private static final String SECRET = "the-lab-secret-4096";

  private static final List<String> EVENTS =
      List.of(
          "{\"type\":\"reply\",\"actor\":\"acct-ann-7q\",\"target\":\"acct-bob-7q\",\"ts\":\"2024-01-02T10:00:00Z\"}",
          "{\"type\":\"reply\",\"actor\":\"acct-bob-7q\",\"target\":\"acct-ann-7q\",\"ts\":\"2024-01-02T11:00:00Z\"}",
          "{\"type\":\"follow\",\"actor\":\"acct-ann-7q\",\"target\":\"acct-bob-7q\",\"ts\":\"2024-01-03T00:00:00Z\"}",
          "{\"type\":\"post\",\"actor\":\"acct-bob-7q\",\"post_id\":\"post-p1-7q\",\"ts\":\"2024-01-04T00:00:00Z\"}",
          "{\"type\":\"reply\",\"actor\":\"acct-cat-7q\",\"post_id\":\"post-p2-7q\",\"parent_id\":\"post-p1-7q\",\"ts\":\"2024-01-04T01:00:00Z\"}",
          "{\"type\":\"like\",\"actor\":\"acct-dan-7q\",\"parent_id\":\"post-p2-7q\",\"ts\":\"2024-01-04T02:00:00Z\"}",
          "{\"type\":\"mention\",\"actor\":\"acct-dan-7q\",\"target\":\"acct-ann-7q\",\"ts\":\"2024-01-05T00:00:00Z\"}",
          "{\"type\":\"follow\",\"actor\":\"acct-zed-7q\",\"target\":\"acct-zed-7q\",\"ts\":\"2024-01-05T00:00:00Z\"}",
          "{\"type\":\"poke\",\"actor\":\"acct-zed-7q\",\"target\":\"acct-ann-7q\",\"ts\":\"2024-01-05T00:00:00Z\"}",
          "{\"type\":\"reply\",\"actor\":acct-zed-7q,\"target\":\"acct-ann-7q\"}",
          "{\"type\":\"reply\",\"actor\":\"acct-zed-7q\",\"target\":\"acct-ann-7q\",\"ts\":\"acct-zed-7q\"}");
  private static final String SNAPSHOTS =
      """
      account,ts,followers
      acct-sol-7q,2024-01-01T00:00:00Z,40
      acct-sol-7q,2024-01-05T00:00:00Z,acct-sol-7q
      """;
  private static final String BASELINE =
      """
      acct-hal-7q acct-ann-7q
      acct-ivy-7q acct-ivy-7q
      """;

  @TempDir static Path tmp;
  static Path run;
  static Dunbar result;

  @BeforeAll
  static void runPseudonymized() throws IOException {
    Path dump = Files.createDirectories(tmp.resolve("dump"));
    Files.write(dump.resolve("events.jsonl"), EVENTS, StandardCharsets.UTF_8);
    Files.writeString(dump.resolve("snapshots.csv"), SNAPSHOTS, StandardCharsets.UTF_8);
    Files.writeString(dump.resolve("baseline.txt"), BASELINE, StandardCharsets.UTF_8);
    Path key = PrivacyStudyTest.keyFile(tmp, "lab.key", SECRET);
    result =
        Dunbar.run(
            "run",
            "--name=leak",
            "--output=" + tmp.resolve("out"),
            "--runner=direct",
            "--events=" + dump.resolve("events.jsonl"),
            "--snapshots=" + dump.resolve("snapshots.csv"),
            "--baseline=" + dump.resolve("baseline.txt"),
            "--max-rejected-fraction=0.9",
            "--pseudonymize-key=" + key);
    run = result.published();
  }

  /** Every non-null string value of every VARCHAR column of every Parquet file under the run. */
  private static List<String> parquetStrings() throws IOException {
    List<Path> files;
    try (Stream<Path> all = Files.walk(run)) {
      files = all.filter(p -> p.toString().endsWith(".parquet")).toList();
    }
    List<String> strings = new ArrayList<>();
    for (Path file : files) {
      String parquet = "read_parquet('" + file + "')";
      for (String column :
          Duck.rows(
              "select column_name from (describe select * from "
                  + parquet
                  + ") where column_type = 'VARCHAR'")) {
        strings.addAll(
            Duck.rows(
                "select \""
                    + column
                    + "\" from "
                    + parquet
                    + " where \""
                    + column
                    + "\" is not null"));
      }
    }
    return strings;
  }

  @Test
  void noIdOfTheInputAppearsInAnyTableOrTheManifest() throws IOException {
    List<String> strings = parquetStrings();
    // The rejected rows' sources, the edges' pseudonyms, the bands and reasons: enough to search.
    assertTrue(strings.size() > 20, strings.toString());
    strings.add(Files.readString(run.resolve("_manifest.json"), StandardCharsets.UTF_8));
    for (String id : IDS) {
      assertEquals(List.of(), strings.stream().filter(s -> s.contains(id)).toList(), id);
    }
    assertEquals(List.of(), strings.stream().filter(s -> s.contains(SECRET)).toList(), "the key");
    assertFalse(
        result.err().contains(SECRET) || result.out().contains(SECRET), "the key is not logged");
  }

  @Test
  void everyKindOfRejectionWasThereToLeak() {
    assertEquals(
        List.of(
            "baseline|self_follow",
            "events|bad_timestamp",
            "events|self_follow",
            "events|unknown_type",
            "events|unparsable",
            "snapshots|bad_count"),
        Duck.rows("select kind, reason from " + Duck.table(run, "rejected") + " order by all"));
  }

  @Test
  void badKeyFilesStopTheRunBeforeAnyWork() throws IOException {
    Path open = tmp.resolve("open.key");
    Files.writeString(open, SECRET);
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
    Path empty = tmp.resolve("empty.key");
    Files.writeString(empty, "");
    Files.setPosixFilePermissions(empty, PosixFilePermissions.fromString("rw-------"));
    for (Path key : List.of(tmp.resolve("missing.key"), open, empty)) {
      Path out = tmp.resolve("refused");
      Dunbar refused =
          Dunbar.run(
              "run",
              "--name=leak",
              "--output=" + out,
              "--runner=direct",
              "--events=" + tmp.resolve("dump/events.jsonl"),
              "--pseudonymize-key=" + key);
      assertEquals(2, refused.exitCode(), refused.err());
      assertTrue(
          refused.err().startsWith("dunbar: pseudonymize.key_file: " + key + ": "), refused.err());
      assertEquals(1, refused.err().strip().lines().count(), "one line: " + refused.err());
      assertFalse(refused.err().contains(SECRET));
      assertFalse(Files.exists(out), "nothing was written");
    }
  }
}
