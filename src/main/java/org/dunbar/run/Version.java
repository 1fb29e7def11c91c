package org.dunbar.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version and git commit the running build was made from, as the build recorded them. */
final class Version {
  private Version() {}

  /**
   * The git commit id, with {@code -dirty} when the tree had uncommitted changes; "unknown" outside
   * a build.
   */
  static String commit() {
    Properties p = properties();
    String commit = p.getProperty("git.commit.id", "unknown");
    return Boolean.parseBoolean(p.getProperty("git.dirty")) ? commit + "-dirty" : commit;
  }

  /** The project version from the pom (e.g. {@code 0.1.0-SNAPSHOT}); "unknown" outside a build. */
  static String version() {
    return properties().getProperty("git.build.version", "unknown");
  }

  /** What {@code dunbar --version} prints: {@code dunbar VERSION (commit COMMIT)}. */
  static String line() {
    return "dunbar " + version() + " (commit " + commit() + ")";
  }

  private static Properties properties() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("/dunbar-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // The build's record is unreadable: the version is then reported as unknown, not guessed.
      p.clear();
    }
    return p;
  }
}
