package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command as a data engineer meets it: exit codes and messages that name the field and what it
 * accepts, checked in-process. Only the study-file run starts a pipeline (shared, see {@link
 * StudyFileRun}).
 */
class CliTest {
  @TempDir Path tmp;

  /** Runs dunbar expecting exit 2 before any work; returns its message. */
  private Dunbar badStudy(String... args) {
    Dunbar result = Dunbar.run(args);
    assertEquals(Cli.BAD_STUDY, result.exitCode(), result.err());
    assertEquals("", result.out(), "nothing is published");
    assertFalse(Files.exists(tmp.resolve("out")), "no output folder is created for a bad study");
    return result;
  }

  private String events() {
    return "--events=" + tmp.resolve("events.jsonl");
  }

  private String output() {
    return "--output=" + tmp.resolve("out");
  }

  @Test
  void badPeriodNamesTheFieldAndTheAllowedValues() {
    assertEquals(
        "dunbar: period: 'fortnight' is not one of day, week, month\n",
        badStudy("run", events(), output(), "--period=fortnight").err());
  }

  @Test
  void unknownFlagIsNamedWithTheKnownFlags() {
    String err = badStudy("run", events(), output(), "--perod=week").err();
    assertTrue(
        err.startsWith(
            "dunbar: --perod: unknown flag; known flags are --audience-bands, --baseline, "),
        err);
    // Every flag of the study reference, so the user sees the one they meant.
    for (String flag :
        List.of(
            "--period",
            "--events-format",
            "--snapshot-time",
            "--max-rejected-fraction",
            "--flink-master")) {
      assertTrue(err.contains(flag), flag + " in: " + err);
    }
  }

  @Test
  void audienceBandsMustIncrease() {
    String err = badStudy("run", events(), output(), "--audience-bands=5,3").err();
    assertTrue(
        err.startsWith(
            "dunbar: audience_bands: upper bounds must be non-negative and strictly increasing"),
        err);
    assertTrue(err.contains("5,3"), err);
  }

  @Test
  void unknownEventsFormatListsTheFormats() {
    assertEquals(
        "dunbar: inputs.events[0].format: 'tweets' is not one of canonical, snap-activity,"
            + " snap-messages, twitter-v1, twitter-v2, bluesky-jetstream, reddit\n",
        badStudy("run", events(), output(), "--events-format=tweets").err());
  }

  @Test
  void unknownFieldInAStudyFileListsTheKnownFields() throws IOException {
    Path study = tmp.resolve("typo.yaml");
    Files.writeString(
        study,
        "name: typo\nlookback: 30\ninputs:\n  events:\n    - path: x.jsonl\n",
        StandardCharsets.UTF_8);
    String err = badStudy("run", study.toString(), output()).err();
    assertTrue(err.startsWith("dunbar: lookback: unknown field; known fields are "), err);
    assertTrue(err.contains("lookback_days"), err);
  }

  @Test
  void aDelimiterIsOneOfThreeAndOnlyForCsvInputs() {
    assertEquals(
        "dunbar: inputs.events[0].delimiter: '|' is not one of ',', ';', tab\n",
        badStudy("run", events(), output(), "--delimiter=|").err());
    assertEquals(
        "dunbar: inputs.events[0].delimiter: applies only to CSV inputs (canonical events and"
            + " snapshots), not to events format 'twitter-v1'\n",
        badStudy("run", events(), output(), "--events-format=twitter-v1", "--delimiter=;").err());
  }

  @Test
  void maxLineBytesIsAPositiveWholeNumberUpToOneGibibyte() {
    assertEquals(
        "dunbar: inputs.events[0].max_line_bytes: 0 is not between 1 and 1073741824 (1 GiB)\n",
        badStudy("run", events(), output(), "--max-line-bytes=0").err());
    assertEquals(
        "dunbar: inputs.events[0].max_line_bytes: '64MiB' is not a whole number of bytes\n",
        badStudy("run", events(), output(), "--max-line-bytes=64MiB").err());
  }

  @Test
  void anUnknownInputFieldListsTheKnownOnes() throws IOException {
    Path study = tmp.resolve("typo.yaml");
    Files.writeString(
        study,
        "inputs:\n"
            + "  snapshots:\n"
            + "    - path: s.csv\n"
            + "      delimeter: ';'\n"
            + "  events:\n"
            + "    - path: x.jsonl\n",
        StandardCharsets.UTF_8);
    assertEquals(
        "dunbar: inputs.snapshots[0].delimeter: unknown input field; known fields are delimiter,"
            + " event_time, format, max_line_bytes, path, retrieved_at, snapshot_time\n",
        badStudy("run", study.toString(), output()).err());
  }

  @Test
  void inputOptionsAreResolvedPerFormat() throws IOException {
    Path study = tmp.resolve("options.yaml");
    Files.writeString(
        study,
        String.join(
            "\n",
            "inputs:",
            "  events:",
            "    - path: a.csv",
            "      delimiter: tab",
            "    - path: b.jsonl",
            "      format: twitter-v2",
            "  snapshots:",
            "    - path: s.csv",
            "      delimiter: ';'",
            "      max_line_bytes: 2048",
            ""),
        StandardCharsets.UTF_8);
    Study parsed = StudyArguments.parse(List.of(study.toString()));
    // CSV formats get a delimiter, ',' unless given; the page format's limit is 64 MiB
    // (67,108,864).
    assertEquals(
        List.of(
            new InputSpec("events", "a.csv", "canonical", null, null, "\t", 1_048_576, null),
            new InputSpec("events", "b.jsonl", "twitter-v2", null, null, null, 67_108_864, null),
            new InputSpec("snapshots", "s.csv", "canonical", null, null, ";", 2048, null)),
        parsed.inputs());
  }

  @Test
  void aGlobMatchingNothingExitsThreeNamingIt() {
    String glob = tmp.resolve("nowhere").resolve("*.jsonl").toString();
    Dunbar result = Dunbar.run("run", "--events=" + glob, output(), "--runner=direct");
    assertEquals(RunFailure.NO_INPUT, result.exitCode(), result.err());
    assertEquals("dunbar: no file matches the events input '" + glob + "'\n", result.err());
    assertFalse(
        Files.exists(tmp.resolve("out").resolve("study")),
        "inputs are matched before any run folder is made");
  }

  @Test
  void helpExitsZeroWithTheUsage() {
    Dunbar result = Dunbar.run("--help");
    assertEquals(Cli.OK, result.exitCode());
    assertTrue(result.out().contains("dunbar run [STUDY.yaml] [--flags]"), result.out());
    assertTrue(result.out().contains("--period P"), result.out());
    assertTrue(result.out().contains("--max-line-bytes N"), result.out());
    assertTrue(result.out().contains("--delimiter D"), result.out());
    assertEquals("", result.err());
  }

  @Test
  void flagsOverrideTheStudyFileAndTheFileFillsTheRest() throws IOException {
    Path run = StudyFileRun.published();
    // Name and output come from the file.
    assertEquals(StudyFileRun.output().resolve("from-file").resolve("runs"), run.getParent());
    JsonNode manifest = new ObjectMapper().readTree(run.resolve("_manifest.json").toFile());
    assertEquals(
        "direct", manifest.get("runner").asText(), "--runner=direct overrides runner: flink");
    assertEquals(1, manifest.get("parallelism").asInt(), "parallelism: 1 from the file");
    // --period=week overrides period: month. The dump spans two ISO weeks of one month, so
    // monthly rows would all start on 2024-01-01.
    for (String table : List.of("follower_growth", "account_engagement")) {
      assertEquals(
          List.of("2024-01-01", "2024-01-08"),
          Duck.rows("select distinct period_start from " + Duck.table(run, table) + " order by 1"),
          table);
    }
  }
}
