package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output root that is a file, read-only or not creatable is exit 2 before any work (issue 13,
 * fault 3).
 */
class OutputRootTest {
  @TempDir Path tmp;

  private String refused(Path output) throws IOException {
    Path events = tmp.resolve("events.jsonl");
    Files.writeString(
        events,
        "{\"type\":\"post\",\"actor\":\"a\",\"ts\":\"2024-01-01T00:00:00Z\"}\n",
        StandardCharsets.UTF_8);
    Dunbar result =
        Dunbar.run("run", "--events=" + events, "--output=" + output, "--runner=direct");
    assertEquals(Cli.BAD_STUDY, result.exitCode(), result.err());
    assertEquals("", result.out());
    assertEquals(1, result.err().lines().count(), result.err());
    return result.err();
  }

  @Test
  void aFileIsNoOutputRoot() throws IOException {
    Path file = Files.writeString(tmp.resolve("out"), "x");
    assertEquals(
        "dunbar: output: " + file + " is a file, not a folder: give a folder to write runs into\n",
        refused(file));
  }

  @Test
  void aRootUnderAFileCannotBeCreated() throws IOException {
    Path file = Files.writeString(tmp.resolve("plain"), "x");
    String err = refused(file.resolve("out"));
    assertTrue(err.startsWith("dunbar: output: cannot create " + file.resolve("out")), err);
  }

  @Test
  void aReadOnlyRootIsRefused() throws IOException {
    Path readOnly = Files.createDirectories(tmp.resolve("ro"));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
    // Root writes through permission bits; /sys is refused even to root here.
    Path candidate = writable(readOnly) ? Path.of("/sys") : readOnly;
    assumeTrue(
        Files.isDirectory(candidate) && !writable(candidate),
        "no folder this user cannot write to");
    String err = refused(candidate);
    assertTrue(err.startsWith("dunbar: output: " + candidate + " is not writable ("), err);
    assertTrue(err.endsWith("): give a folder you may write to\n"), err);
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static boolean writable(Path dir) {
    try {
      Files.delete(Files.createTempFile(dir, "probe", ""));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
