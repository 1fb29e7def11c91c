package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dunbar runs} and {@code dunbar gc} on run folders laid out as runs leave them: published
 * and failed runs with manifests, a killed run without one, LATEST naming one published run.
 */
class RunsCommandTest {
  @TempDir Path out;
  private Path study;

  @BeforeEach
  void layOutRuns() throws IOException {
    study = out.resolve("sample");
    manifest(
        "20240101T000000Z-aaaaaaaa",
        "published",
        "2024-01-01T00:00:00Z",
        "2024-01-01T00:01:05Z",
        994118);
    manifest(
        "20240102T000000Z-bbbbbbbb", "failed", "2024-01-02T00:00:00Z", "2024-01-02T00:00:30Z", 10);
    manifest(
        "20240103T000000Z-cccccccc",
        "published",
        "2024-01-03T00:00:00Z",
        "2024-01-03T00:01:00Z",
        1000);
    // Killed before its manifest: only tables in progress.
    Files.createDirectories(study.resolve("runs/20240104T000000Z-dddddddd/follower_growth"));
    Files.writeString(study.resolve("LATEST"), "20240101T000000Z-aaaaaaaa\n");
  }

  private void manifest(String id, String status, String started, String ended, long read)
      throws IOException {
    Path dir = Files.createDirectories(study.resolve("runs").resolve(id));
    Files.writeString(
        dir.resolve("_manifest.json"),
        """
        {"run_id": "%s", "status": "%s", "started_at": "%s", "ended_at": "%s",
         "accounting": {"events": {"read": %d}}}
        """
            .formatted(id, status, started, ended, read),
        StandardCharsets.UTF_8);
  }

  @Test
  void runsListsEveryRunOldestFirstWithStatusDurationReadAndLatest() {
    Dunbar result = Dunbar.run("runs", "--output", out.toString());
    assertEquals(Cli.OK, result.exitCode(), result.err());
    List<String> lines = result.out().lines().toList();
    assertEquals(5, lines.size(), result.out());
    assertTrue(
        lines.get(0).matches("study +run_id +status +started +duration +events_read"),
        lines.get(0));
    assertTrue(
        lines
            .get(1)
            .matches(
                "sample +20240101T000000Z-aaaaaaaa +published +2024-01-01T00:00:00Z +65s +994,118 "
                    + " LATEST"),
        lines.get(1));
    assertTrue(
        lines
            .get(2)
            .matches("sample +20240102T000000Z-bbbbbbbb +failed +2024-01-02T00:00:00Z +30s +10"),
        lines.get(2));
    assertTrue(
        lines.get(3).matches("sample +20240103T000000Z-cccccccc +published .* +1,000"),
        lines.get(3));
    assertTrue(
        lines
            .get(4)
            .matches("sample +20240104T000000Z-dddddddd +incomplete +2024-01-04T00:00:00Z +- +-"),
        lines.get(4));
  }

  @Test
  void aManifestCutShortIsIncomplete() throws IOException {
    Files.writeString(
        study.resolve("runs/20240104T000000Z-dddddddd/_manifest.json"), "{\"run_id\": \"2024");
    String listing = Dunbar.run("runs", "--output", out.toString(), "--name", "sample").out();
    assertTrue(
        listing
            .lines()
            .anyMatch(l -> l.matches("sample +20240104T000000Z-dddddddd +incomplete .*")),
        listing);
  }

  @Test
  void gcKeepsTheNewestAndLatestAndRemovesTheRest() {
    Dunbar dry = Dunbar.run("gc", "--keep", "1", "--output", out.toString(), "--dry-run");
    assertEquals(Cli.OK, dry.exitCode(), dry.err());
    assertEquals(
        2, dry.out().lines().filter(l -> l.startsWith("would remove ")).count(), dry.out());
    assertTrue(
        Files.isDirectory(study.resolve("runs/20240102T000000Z-bbbbbbbb")),
        "a dry run removes nothing");

    Dunbar gc = Dunbar.run("gc", "--keep=1", "--output=" + out, "--name=sample");
    assertEquals(Cli.OK, gc.exitCode(), gc.err());
    assertTrue(gc.out().contains("20240102T000000Z-bbbbbbbb (failed)"), gc.out());
    assertTrue(gc.out().contains("20240103T000000Z-cccccccc (published)"), gc.out());
    assertTrue(
        Files.isDirectory(study.resolve("runs/20240101T000000Z-aaaaaaaa")),
        "LATEST is never removed, however old");
    assertTrue(
        Files.isDirectory(study.resolve("runs/20240104T000000Z-dddddddd")),
        "the newest run, maybe in progress, is kept");
    assertFalse(Files.exists(study.resolve("runs/20240102T000000Z-bbbbbbbb")));
    assertFalse(Files.exists(study.resolve("runs/20240103T000000Z-cccccccc")));
  }

  @Test
  void gcNeedsAKeepOfAtLeastOne() {
    for (String[] args :
        List.of(
            new String[] {"gc"},
            new String[] {"gc", "--keep", "0"},
            new String[] {"gc", "--keep", "all"})) {
      Dunbar result = Dunbar.run(args);
      assertEquals(Cli.BAD_STUDY, result.exitCode(), result.err());
      assertTrue(result.err().startsWith("dunbar gc: --keep"), result.err());
    }
  }

  @Test
  void runsOrGcOfAStudyWithoutRunsExitsTwo() {
    Dunbar result = Dunbar.run("runs", "--output", out.toString(), "--name", "nothing");
    assertEquals(Cli.BAD_STUDY, result.exitCode());
    assertTrue(result.err().startsWith("dunbar runs: no runs under "), result.err());
    // A mistyped name must not look like a study with nothing to remove.
    Dunbar gc = Dunbar.run("gc", "--keep", "1", "--output", out.toString(), "--name", "nothing");
    assertEquals(Cli.BAD_STUDY, gc.exitCode());
    assertTrue(gc.err().startsWith("dunbar gc: no runs under "), gc.err());
  }
}
