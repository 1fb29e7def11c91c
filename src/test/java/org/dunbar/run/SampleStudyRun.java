package org.dunbar.run;

import java.io.IOException;
import java.nio.file.Path;
import org.dunbar.generate.GenerateCommand;
import org.dunbar.generate.GeneratorSummary;

/**
 * The sample study on a generated dump of 300 accounts over 120 days (seed 3), on embedded Flink:
 * what the tests that read a realistic study's tables start from.
 *
 * @param summary what the generator planted
 * @param run the published run folder
 */
record SampleStudyRun(GeneratorSummary summary, Path run) {
  /** Generates the dump under {@code tmp/sample} and publishes the study under {@code tmp/out}. */
  static SampleStudyRun in(Path tmp) throws IOException {
    Path dump = tmp.resolve("sample");
    GeneratorSummary summary =
        GenerateCommand.parse(
                new String[] {
                  "--out", dump.toString(), "--accounts", "300", "--days", "120", "--seed", "3"
                })
            .run();
    Path run =
        Dunbar.run(
                "run",
                "pipelines/sample.yaml",
                "--runner=flink",
                "--output=" + tmp.resolve("out"),
                "--events=" + dump.resolve("events/*.jsonl.gz"),
                "--snapshots=" + dump.resolve("snapshots/*.csv"),
                "--baseline=" + dump.resolve("baseline/*.txt"))
            .published();
    return new SampleStudyRun(summary, run);
  }
}
