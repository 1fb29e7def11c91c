package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The study file is checked whole, values that would wrap included (issue 13, faults 1 and 4): exit
 * 2 naming the key.
 */
class StudyChecksTest {
  @TempDir Path tmp;

  private String badStudy(String... args) {
    Dunbar result = Dunbar.run(args);
    assertEquals(Cli.BAD_STUDY, result.exitCode(), result.err());
    assertFalse(Files.exists(tmp.resolve("out")), "no output folder is created for a bad study");
    return result.err();
  }

  private String studyFile(String yaml) throws IOException {
    Path study = tmp.resolve("study.yaml");
    Files.writeString(study, yaml, StandardCharsets.UTF_8);
    return study.toString();
  }

  @Test
  void aSpanOfDaysThatWouldWrapMicrosecondsIsRefused() {
    assertEquals(
        "dunbar: lookback_days: 2147483647 is more than 36525 days (100 years)\n",
        badStudy(
            "run",
            "--events=" + tmp.resolve("e.jsonl"),
            "--output=" + tmp.resolve("out"),
            "--lookback-days=2147483647"));
    assertEquals(
        "dunbar: churn_days: 36526 is more than 36525 days (100 years)\n",
        badStudy(
            "run",
            "--events=" + tmp.resolve("e.jsonl"),
            "--output=" + tmp.resolve("out"),
            "--churn-days=36526"));
  }

  @Test
  void aListWhereOneValueBelongsIsRefusedNamingTheKey() throws IOException {
    assertEquals(
        "dunbar: output: must be a single value, not a list\n",
        badStudy("run", studyFile("output: [a, b]\ninputs:\n  events:\n    - path: x.jsonl\n")));
    assertEquals(
        "dunbar: lookback_days: must be a single value, not a mapping\n",
        badStudy(
            "run",
            studyFile("lookback_days: {days: 3}\ninputs:\n  events:\n    - path: x.jsonl\n")));
    assertEquals(
        "dunbar: inputs.events[0].path: must be a single value, not a list\n",
        badStudy("run", studyFile("inputs:\n  events:\n    - path: [a.jsonl, b.jsonl]\n")));
  }

  @Test
  void anUnknownKeyInsideAnInputEntryIsRefusedNamingIt() throws IOException {
    assertEquals(
        "dunbar: inputs.events[0].formt: unknown input field; known fields are delimiter,"
            + " event_time, format, max_line_bytes, path, retrieved_at, snapshot_time\n",
        badStudy(
            "run", studyFile("inputs:\n  events:\n    - path: x.jsonl\n      formt: canonical\n")));
  }

  @Test
  void anInputEntryMustBeAMapping() throws IOException {
    assertEquals(
        "dunbar: inputs.events[0]: must be a mapping such as {path: events/*.jsonl, format:"
            + " canonical}\n",
        badStudy("run", studyFile("inputs:\n  events:\n    - x.jsonl\n")));
  }

  @Test
  void anInstantBeyondMicrosecondsIsRefused() {
    assertEquals(
        "dunbar: not_after: '+300000-01-01T00:00:00Z' is out of range: epoch microseconds must fit"
            + " in 64 bits (years -290308 to 294247)\n",
        badStudy(
            "run",
            "--events=" + tmp.resolve("e.jsonl"),
            "--output=" + tmp.resolve("out"),
            "--not-after=+300000-01-01T00:00:00Z"));
  }
}
