package org.dunbar.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One field case of {@code ../shared/field-cases} run through the command on the DirectRunner, as a
 * researcher would run it: the result, the run folder (published or not) and its manifest.
 */
record FieldCaseRun(Dunbar result, Path studyDir) {
  /** The case's file or folder; skips the caller when ../shared is absent, fails under CI=true. */
  static Path file(String relativePath) {
    return SharedData.require("field-cases/" + relativePath);
  }

  /**
   * Runs the study {@code name} on the inputs of {@code flags}, writing under {@code output}, on
   * embedded Flink: the DirectRunner takes minutes for the 600-tweet pages.
   */
  static FieldCaseRun run(Path output, String name, String... flags) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--name=" + name,
                "--output=" + output,
                "--runner=flink",
                "--parallelism=1"));
    args.addAll(List.of(flags));
    return new FieldCaseRun(Dunbar.run(args.toArray(new String[0])), output.resolve(name));
  }

  /**
   * This run, after checking that it exited with {@code code} (showing what dunbar said if not).
   */
  FieldCaseRun exited(int code) {
    org.junit.jupiter.api.Assertions.assertEquals(code, result.exitCode(), result.err());
    return this;
  }

  /** The one run folder, published or not. */
  Path runDir() {
    try (Stream<Path> runs = Files.list(studyDir.resolve("runs"))) {
      List<Path> all = runs.toList();
      if (all.size() != 1) {
        throw new AssertionError(
            "expected one run folder, found " + all + "; dunbar said:\n" + result.err());
      }
      return all.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode manifest() {
    try {
      return new ObjectMapper().readTree(runDir().resolve("_manifest.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The manifest's accounting of one input kind. */
  JsonNode accounting(String kind) {
    return manifest().get("accounting").get(kind);
  }

  boolean published() {
    return Files.exists(studyDir.resolve("LATEST"));
  }
}
