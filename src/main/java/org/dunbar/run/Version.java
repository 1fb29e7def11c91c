package org.dunbar.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The git commit the running build was made from, as the build recorded it. */
final class Version {
  private Version() {}

  static String commit() {
    try (InputStream in = Version.class.getResourceAsStream("/dunbar-version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      String commit = p.getProperty("git.commit.id", "unknown");
      return Boolean.parseBoolean(p.getProperty("git.dirty")) ? commit + "-dirty" : commit;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
