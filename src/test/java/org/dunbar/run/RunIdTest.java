package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schedulers that name runs themselves: {@code --run-id}, and {@code --version} for their logs. */
class RunIdTest {
  @TempDir Path tmp;

  @Test
  void aGivenRunIdNamesTheRunFolderAndLatestAndIsNeverReused() throws IOException {
    Path events = tmp.resolve("events.jsonl");
    Files.writeString(
        events,
        """
        {"type":"follow","actor":"a","target":"b","ts":"2024-01-01T00:00:00Z"}
        {"type":"reply","actor":"b","target":"a","ts":"2024-01-02T00:00:00Z"}
        """,
        StandardCharsets.UTF_8);
    String[] args = {
      "run",
      "--events=" + events,
      "--output=" + tmp.resolve("out"),
      "--runner=direct",
      "--run-id",
      "nightly-2024-01-02"
    };
    Path run = Dunbar.run(args).published();
    assertEquals(tmp.resolve("out/study/runs/nightly-2024-01-02").toAbsolutePath(), run);
    assertEquals("nightly-2024-01-02", Dunbar.latest(tmp.resolve("out/study")));

    Dunbar again = Dunbar.run(args);
    assertEquals(Cli.BAD_STUDY, again.exitCode(), again.err());
    assertTrue(
        again.err().startsWith("dunbar: --run-id: run 'nightly-2024-01-02' already exists in "),
        again.err());
  }

  @Test
  void runIdFlagIsTakenOutOfTheStudyArgumentsInEitherSpelling() {
    assertEquals(
        new RunId.Taken("r1", List.of("study.yaml", "--period=day")),
        RunId.take(List.of("study.yaml", "--run-id=r1", "--period=day")));
    assertEquals(
        new RunId.Taken("r.2", List.of("--period=day")),
        RunId.take(List.of("--run-id", "r.2", "--period=day")));
    assertEquals(new RunId.Taken(null, List.of("s.yaml")), RunId.take(List.of("s.yaml")));
  }

  @Test
  void aRunIdThatCannotNameAFolderIsRefused() {
    for (String bad : List.of("../x", ".hidden", "a/b", "", "x".repeat(129))) {
      StudyException e = assertThrows(StudyException.class, () -> RunId.given(bad), bad);
      assertTrue(e.getMessage().startsWith("--run-id: "), e.getMessage());
    }
    assertThrows(StudyException.class, () -> RunId.take(List.of("--run-id")));
  }

  @Test
  void freshRunIdsSortByStartTime() {
    assertTrue(RunId.fresh(Instant.parse("2024-01-01T00:00:00Z")).startsWith("20240101T000000Z-"));
    assertTrue(
        RunId.fresh(Instant.parse("2024-01-01T00:00:00Z"))
                .compareTo(RunId.fresh(Instant.parse("2024-01-01T00:00:01Z")))
            < 0);
  }

  @Test
  void versionPrintsTheVersionAndCommitOfTheBuild() {
    Dunbar result = Dunbar.run("--version");
    assertEquals(Cli.OK, result.exitCode());
    assertTrue(
        result
            .out()
            .matches("dunbar \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit [0-9a-f]{40}(-dirty)?\\)\\n"),
        result.out());
  }

  @Test
  void globalOptionsMayComeBeforeTheCommand() {
    Dunbar version = Dunbar.run("--log-format=json", "--version");
    assertEquals(Cli.OK, version.exitCode(), version.err());
    assertTrue(version.out().startsWith("dunbar "), version.out());
    Dunbar runs = Dunbar.run("--debug", "runs", "--output", "/nonexistent/dunbar-out");
    assertEquals(Cli.OK, runs.exitCode(), runs.err());
    assertTrue(runs.err().startsWith("dunbar runs: no runs under "), runs.err());
  }
}
