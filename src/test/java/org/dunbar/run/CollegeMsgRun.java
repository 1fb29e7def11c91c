package org.dunbar.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One embedded-Flink run of SNAP CollegeMsg through the CLI, as {@link StudyFileRun} does for the
 * hand-made dump: {@link CollegeMsgStudyTest} checks its figures and {@link GoldenRowsTest} its
 * rows; the run costs a quarter of a minute, so the test JVM makes it once.
 */
final class CollegeMsgRun {
  private static Path published;

  private CollegeMsgRun() {}

  /** The raw messages file (skips, or fails under CI, where ../shared is absent). */
  static Path messages() {
    return SharedData.require("data/collegemsg/CollegeMsg.txt");
  }

  /** The published run folder. */
  static synchronized Path published() throws IOException {
    if (published == null) {
      // Under target/ so that `mvn clean` removes it, fresh per JVM so runs never mix.
      Files.createDirectories(Path.of("target"));
      Path dir = Files.createTempDirectory(Path.of("target"), "collegemsg-run-").toAbsolutePath();
      published =
          Dunbar.run(
                  "run",
                  "--name=collegemsg",
                  "--output=" + dir.resolve("out"),
                  "--events=" + messages(),
                  "--events-format=snap-messages",
                  "--runner=flink",
                  "--parallelism=2")
              .published();
    }
    return published;
  }
}
