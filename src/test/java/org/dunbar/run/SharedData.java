package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The team's real data beside the project ({@code ../shared}). A checkout without it skips the
 * tests that read it; CI must have it, so there a missing copy fails instead of passing vacuously.
 */
final class SharedData {
  private SharedData() {}

  static Path require(String relativePath) {
    Path path = Path.of("..", "shared").resolve(relativePath);
    if (Files.exists(path)) {
      return path;
    }
    String message = "shared data " + path.toAbsolutePath().normalize() + " is absent";
    if ("true".equals(System.getenv("CI"))) {
      fail(message + "; CI must provide it");
    }
    Assumptions.abort(message + "; skipping");
    return path; // not reached: abort throws
  }
}
