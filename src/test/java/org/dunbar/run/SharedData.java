package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The team's shared real data, in {@code ../shared} beside the project. A checkout without it skips
 * the tests that need it, with a message saying what is missing; under {@code CI=true} a missing
 * file fails instead, so real-data tests can never pass on CI by skipping.
 */
public final class SharedData {
  private SharedData() {}

  /**
   * The file or folder at {@code ../shared/<relativePath>}; skips or fails the caller when absent.
   */
  public static Path require(String relativePath) {
    Path projectDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    return require(projectDir, relativePath, "true".equals(System.getenv("CI")));
  }

  /** The rule itself, with the environment passed in so that it can be tested. */
  static Path require(Path projectDir, String relativePath, boolean ci) {
    Path path = projectDir.resolve("../shared").resolve(relativePath).toAbsolutePath().normalize();
    if (!Files.exists(path)) {
      String message =
          "real data not found at "
              + path
              + " (the team's shared data, ../shared beside the project)";
      if (ci) {
        fail(message + "; CI must provide it");
      }
      // Surefire reports a class skipped from @BeforeAll as "Tests run: 0" without the reason.
      System.err.println("SKIPPED: " + message);
      Assumptions.abort(message + "; skipping");
    }
    return path;
  }
}
