package org.dunbar.run;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The output root must be a folder this run can write into, checked before any work (exit 2):
 * otherwise the failure would come after the whole pipeline has run, as a stack trace.
 */
final class OutputRoot {
  private OutputRoot() {}

  /** Creates the root if needed and proves it writable by creating and removing a probe file. */
  static void check(Path root) {
    if (Files.exists(root) && !Files.isDirectory(root)) {
      throw new StudyException(
          "output", root + " is a file, not a folder: give a folder to write runs into");
    }
    try {
      Files.createDirectories(root);
    } catch (FileAlreadyExistsException e) {
      throw new StudyException(
          "output", "cannot create " + root + ": " + e.getFile() + " is a file, not a folder");
    } catch (IOException e) {
      throw new StudyException(
          "output",
          "cannot create " + root + " (" + reason(e) + "): give a folder you may write to");
    }
    try {
      // Files.isWritable answers yes for root on a read-only folder; only a write tells.
      Files.delete(Files.createTempFile(root, ".dunbar-write-check-", ""));
    } catch (IOException e) {
      throw new StudyException(
          "output", root + " is not writable (" + reason(e) + "): give a folder you may write to");
    }
  }

  private static String reason(IOException e) {
    String reason =
        e instanceof java.nio.file.FileSystemException f && f.getReason() != null
            ? f.getReason()
            : e.getMessage();
    return reason == null ? e.getClass().getSimpleName() : reason;
  }
}
