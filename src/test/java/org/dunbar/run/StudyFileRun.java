package org.dunbar.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One DirectRunner run of {@link HandMadeDump} started the way a researcher re-runs a study: a
 * study file, with flags overriding some of its fields. {@link CliTest} checks the overrides and
 * {@link ReadmeTest} runs the README's queries on the published run; a CLI run costs seconds, so
 * the test JVM makes it once.
 */
final class StudyFileRun {
  /** The study file says month and flink; the command line says week and direct. */
  static final String[] OVERRIDES = {"--period=week", "--runner=direct"};

  private static Path published;
  private static Path output;

  private StudyFileRun() {}

  /** The published run folder. */
  static synchronized Path published() throws IOException {
    if (published == null) {
      // Under target/ so that `mvn clean` removes it, fresh per JVM so runs never mix.
      Files.createDirectories(Path.of("target"));
      Path dir = Files.createTempDirectory(Path.of("target"), "study-file-run-").toAbsolutePath();
      Path dump = HandMadeDump.write(dir.resolve("dump"), null);
      output = dir.resolve("out");
      Path study = dir.resolve("hand.yaml");
      Files.writeString(study, studyFile(dump, output), StandardCharsets.UTF_8);
      String[] args = new String[OVERRIDES.length + 2];
      args[0] = "run";
      args[1] = study.toString();
      System.arraycopy(OVERRIDES, 0, args, 2, OVERRIDES.length);
      published = Dunbar.run(args).published();
    }
    return published;
  }

  /** The output root the study file names. */
  static synchronized Path output() throws IOException {
    published();
    return output;
  }

  private static String studyFile(Path dump, Path output) {
    return """
    name: from-file
    output: "%s"
    period: month
    runner: flink
    parallelism: 1
    max_rejected_fraction: %s
    inputs:
      events:
        - path: "%s"
          max_line_bytes: %d
        - path: "%s"
          format: canonical
          max_line_bytes: %d
      snapshots:
        - path: "%s"
      baseline:
        - path: "%s"
          format: edge-list
    """
        .formatted(
            output,
            HandMadeDump.MAX_REJECTED_FRACTION,
            dump.resolve("events.jsonl"),
            HandMadeDump.MAX_LINE_BYTES,
            dump.resolve("events2.csv"),
            HandMadeDump.MAX_LINE_BYTES,
            dump.resolve("snapshots.csv"),
            dump.resolve("baseline.txt"));
  }
}
