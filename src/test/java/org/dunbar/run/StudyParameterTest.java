package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parameters are declared once, in {@link StudyParameter}; the README's table under "Running a
 * study" is written by hand, so it is held to the declaration here: the same keys and flags, in the
 * same order, with the same defaults.
 */
class StudyParameterTest {
  /** A row: | `key` / `--flag` or `--flag=GLOB` | default | meaning |. */
  private static final Pattern ROW =
      Pattern.compile("(?m)^\\| `([^`]+)` / `--([a-z-]+)(?:=[A-Z]+)?` \\| ([^|]+) \\|");

  /** "key --flag" → default, in the README table's order. */
  private static Map<String, String> readmeTable() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("| field / flag | default | meaning |");
    assertTrue(start >= 0, "README.md has the parameter table");
    int end = readme.indexOf("\n\n", start);
    Map<String, String> rows = new LinkedHashMap<>();
    Matcher row = ROW.matcher(readme.substring(start, end));
    while (row.find()) {
      rows.put(row.group(1) + " --" + row.group(2), row.group(3).replace("`", "").trim());
    }
    // Every table row after the header and its rule matched the row pattern.
    long lines = readme.substring(start, end).lines().count();
    assertEquals(lines - 2, rows.size(), "README parameter rows that are not `key` / `--flag`");
    return rows;
  }

  @Test
  void readmeTableListsExactlyTheDeclaredParametersWithTheirDefaults() throws IOException {
    Map<String, String> declared = new LinkedHashMap<>();
    for (StudyParameter p : StudyParameter.values()) {
      declared.put(p.key() + " --" + p.flag(), p.fallback().text());
    }
    assertEquals(declared, readmeTable());
    assertEquals(
        declared.keySet().stream().toList(),
        readmeTable().keySet().stream().toList(),
        "README rows are in the declaration's order");
  }

  @Test
  void helpListsEveryFlagWithItsDefault() {
    Dunbar result = Dunbar.run("--help");
    for (StudyParameter p : StudyParameter.values()) {
      assertTrue(result.out().contains("\n  --" + p.flag() + " "), p.flag());
    }
    // A literal default is shown as the parser reads it.
    String lookback = "--lookback-days N           attribution lookback (default 30)";
    assertTrue(result.out().contains(lookback), result.out());
  }

  @Test
  void literalDefaultsAreWhatAStudyWithoutThemResolvesTo() throws IOException {
    Study study = StudyArguments.parse(java.util.List.of("--events=x.jsonl"));
    // Each literal default read back through the parser: week, 30, 7, 20, 5.0, 7, the bands,
    // 2000-01-01, flink, 0.01, and the name and output.
    assertEquals("study", study.name());
    assertEquals("out", study.output());
    assertEquals("WEEK", study.analysis().period().name());
    assertEquals(30, study.analysis().lookbackDays());
    assertEquals(7, study.analysis().churnDays());
    assertEquals(20, study.analysis().burstMin());
    assertEquals(5.0, study.analysis().burstFactor());
    assertEquals(7, study.analysis().replyWindowDays());
    assertEquals(Study.DEFAULT_BANDS, study.analysis().audienceBands());
    assertEquals(java.time.Instant.parse("2000-01-01T00:00:00Z"), study.notBefore());
    assertEquals("flink", study.runner());
    assertEquals(0.01, study.maxRejectedFraction());
  }

  /**
   * Inputs given by flag keep the options the study file gives all its inputs of that kind, unless
   * the flags name another format.
   */
  @Test
  void eventsByFlagKeepTheStudyFilesSharedFormat(@TempDir Path dir) throws IOException {
    Path bluesky = dir.resolve("bluesky.yaml");
    Files.writeString(
        bluesky,
        "name: b\ninputs:\n  events:\n    - path: a/*.jsonl\n      format: bluesky-jetstream\n"
            + "      event_time: created\n");
    InputSpec mine =
        StudyArguments.parse(java.util.List.of(bluesky.toString(), "--events=mine/*.jsonl"))
            .inputs()
            .get(0);
    assertEquals("mine/*.jsonl", mine.glob());
    assertEquals("bluesky-jetstream", mine.format());
    assertEquals("created", mine.eventTime());

    InputSpec canonical =
        StudyArguments.parse(
                java.util.List.of(
                    bluesky.toString(), "--events=mine/*.jsonl", "--events-format=canonical"))
            .inputs()
            .get(0);
    assertEquals("canonical", canonical.format());
    assertEquals(null, canonical.eventTime());

    Path mixed = dir.resolve("mixed.yaml");
    Files.writeString(
        mixed,
        "name: m\ninputs:\n  events:\n    - path: a.json\n      format: twitter-v1\n"
            + "    - path: b.json\n      format: twitter-v2\n");
    assertEquals(
        "canonical",
        StudyArguments.parse(java.util.List.of(mixed.toString(), "--events=c.jsonl"))
            .inputs()
            .get(0)
            .format());
  }

  @Test
  void flagsAndTopLevelKeysAreUnique() {
    assertEquals(
        StudyParameter.values().length,
        Stream.of(StudyParameter.values()).map(StudyParameter::flag).distinct().count());
    assertEquals(
        StudyParameter.values().length,
        Stream.of(StudyParameter.values()).map(StudyParameter::key).distinct().count());
  }

  @Test
  void everyParameterNamesASectionThatExists() throws IOException {
    String spec = Files.readString(SharedData.require("SPEC.md"), StandardCharsets.UTF_8);
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    for (StudyParameter p : StudyParameter.values()) {
      String section = p.specSection();
      boolean found =
          section.startsWith("README: ")
              ? readme.contains("\n## " + section.substring("README: ".length()) + "\n")
              : spec.lines().anyMatch(line -> line.startsWith("#") && line.contains(section));
      assertTrue(found, p.key() + " names a section that is not there: " + section);
    }
  }
}
