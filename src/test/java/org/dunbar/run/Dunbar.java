package org.dunbar.run;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs the dunbar command in-process, as a user would from the shell. */
record Dunbar(int exitCode, String out, String err) {
  static Dunbar run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Cli.run(
            List.of(args),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Dunbar(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The published run folder a successful run printed. */
  Path published() {
    if (exitCode != 0) {
      throw new AssertionError("dunbar exited " + exitCode + ":\n" + err);
    }
    return Path.of(out.strip());
  }

  static String latest(Path studyDir) throws java.io.IOException {
    return Files.readString(studyDir.resolve("LATEST")).strip();
  }
}
