package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every run folder says what it is (issue 13, faults 3, 5 and 6): a run that fails after its folder
 * exists, by a full disk or a signal, leaves a manifest with status failed and the reason, prints
 * one line naming the trace file, and never moves LATEST.
 */
class RunFolderTest {
  private static final String EVENTS =
      """
      {"type":"post","actor":"a","ts":"2024-01-01T00:00:00Z"}
      {"type":"follow","actor":"a","target":"b","ts":"2024-01-02T00:00:00Z"}
      {"type":"reply","actor":"b","target":"a","ts":"2024-01-03T00:00:00Z"}
      """;

  @TempDir Path tmp;

  private Path events() throws IOException {
    return Files.writeString(tmp.resolve("events.jsonl"), EVENTS, StandardCharsets.UTF_8);
  }

  private static Path onlyRun(Path output) throws IOException {
    try (Stream<Path> runs = Files.list(output.resolve("study").resolve("runs"))) {
      List<Path> all = runs.toList();
      assertEquals(1, all.size(), all.toString());
      return all.get(0);
    }
  }

  private static JsonNode manifest(Path runDir) throws IOException {
    return new ObjectMapper().readTree(runDir.resolve("_manifest.json").toFile());
  }

  private static int exec(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor();
  }

  /**
   * A run writes about 240 KiB here: 32 KiB free besides the run's reserve lets it start and fail
   * part-way.
   */
  @Test
  void aFullDiskIsOneLineAndTheRunsFilesAreRemoved() throws Exception {
    Path disk = Files.createDirectories(tmp.resolve("disk"));
    assumeTrue(
        exec("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.toString()) == 0,
        "mounting a tmpfs needs root");
    try {
      try (RandomAccessFile filler = new RandomAccessFile(disk.resolve("filler").toFile(), "rw")) {
        filler.write(new byte[1024 * 1024 - RunWatch.RESERVE_BYTES - 32 * 1024]);
      }
      Path output = disk.resolve("out");
      Dunbar result =
          Dunbar.run("run", "--events=" + events(), "--output=" + output, "--parallelism=1");
      Path runDir = onlyRun(output);
      assertEquals(Cli.FAILED, result.exitCode(), result.err());
      // Progress lines (timestamped, when the run takes more than a few seconds), then the
      // failure's one line: no stack trace.
      assertTrue(
          result
              .err()
              .lines()
              .allMatch(
                  line ->
                      line.startsWith("dunbar: ")
                          || line.matches("\\S+Z dunbar: .*")
                          || line.contains("NativeCodeLoader")),
          result.err());
      String last = result.err().lines().reduce((a, b) -> b).orElseThrow();
      assertTrue(last.startsWith("dunbar: no space left on device writing " + runDir), last);
      assertTrue(
          last.endsWith(
              ": free space there or give another --output; the stack trace is in "
                  + runDir.resolve("_failure.log")),
          last);
      try (Stream<Path> left = Files.list(runDir)) {
        assertEquals(
            List.of("_failure.log", "_manifest.json"),
            left.map(p -> p.getFileName().toString()).sorted().toList());
      }
      JsonNode manifest = manifest(runDir);
      assertEquals("failed", manifest.get("status").asText());
      assertTrue(
          manifest.get("problems").get(0).asText().startsWith("no space left on device writing "),
          manifest.toString());
      assertEquals("_failure.log", manifest.get("log").asText());
      assertFalse(Files.exists(output.resolve("study").resolve("LATEST")));
    } finally {
      // Lazily: the failed run's Parquet writers that were still open when the disk filled are
      // closed only with this JVM (a run's own process exits after its one line).
      exec("umount", "-l", disk.toString());
    }
  }

  @Test
  void aSignalledRunIsMarkedFailed() throws Exception {
    Path output = tmp.resolve("out");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process run =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Cli.class.getName(),
                "run",
                "--events=" + events(),
                "--output=" + output,
                "--parallelism=1")
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("run.log").toFile())
            .start();
    Path runs = output.resolve("study").resolve("runs");
    for (int i = 0; i < 600 && !Files.isDirectory(runs); i++) {
      Thread.sleep(100);
    }
    assertTrue(Files.isDirectory(runs), () -> "no run folder: " + read(tmp.resolve("run.log")));
    run.destroy(); // SIGTERM
    assertTrue(run.waitFor(60, TimeUnit.SECONDS));
    assertEquals(143, run.exitValue(), () -> read(tmp.resolve("run.log")));
    JsonNode manifest = manifest(onlyRun(output));
    assertEquals("failed", manifest.get("status").asText());
    assertEquals(
        "stopped by a signal (SIGTERM or SIGINT) before it finished; nothing was published",
        manifest.get("problems").get(0).asText());
    assertFalse(Files.exists(output.resolve("study").resolve("LATEST")));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
