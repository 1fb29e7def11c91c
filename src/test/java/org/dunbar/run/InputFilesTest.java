package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs are readable regular files or the run says why (issue 13, fault 2): exit 3 naming the
 * path, before any run folder exists, and nothing that can block is opened.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InputFilesTest {
  private static final String EVENT =
      "{\"type\":\"post\",\"actor\":\"a\",\"ts\":\"2024-01-01T00:00:00Z\"}\n";

  @TempDir Path tmp;

  private Path dataDir() throws IOException {
    Path data = Files.createDirectories(tmp.resolve("data"));
    Files.writeString(data.resolve("a.jsonl"), EVENT, StandardCharsets.UTF_8);
    return data;
  }

  private String refused(String glob, Path path, String what) {
    Dunbar result =
        Dunbar.run("run", "--events=" + glob, "--output=" + tmp.resolve("out"), "--runner=direct");
    assertEquals(RunFailure.NO_INPUT, result.exitCode(), result.err());
    assertEquals(
        "dunbar: the events input '"
            + glob
            + "' matches "
            + path
            + ", which is "
            + what
            + ": give only readable regular files (remove it, or narrow the glob)\n",
        result.err());
    assertFalse(
        Files.exists(tmp.resolve("out").resolve("study")),
        "inputs are checked before any run folder is made");
    return result.err();
  }

  private static void mkfifo(Path path) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    assertEquals(0, p.waitFor());
  }

  @Test
  void theFirstLinesCountInputFilesInTheSingularOrPlural() {
    assertEquals("1 input file", StudyRun.inputFiles(1));
    assertEquals("0 input files", StudyRun.inputFiles(0));
    assertEquals("12 input files", StudyRun.inputFiles(12));
  }

  @Test
  void aFifoGivenByNameIsRefusedWithoutBlocking() throws Exception {
    Path fifo = tmp.resolve("events.jsonl");
    mkfifo(fifo);
    refused(
        fifo.toString(),
        fifo,
        "not a regular file (a FIFO, socket or device would block or fail when read)");
  }

  @Test
  void aFifoMatchedByAGlobIsRefused() throws Exception {
    Path data = dataDir();
    mkfifo(data.resolve("b.jsonl"));
    refused(
        data + "/*.jsonl",
        data.resolve("b.jsonl"),
        "not a regular file (a FIFO, socket or device would block or fail when read)");
  }

  @Test
  void aDirectoryMatchedOrNamedIsRefused() throws Exception {
    Path data = dataDir();
    Files.createDirectories(data.resolve("c.jsonl"));
    refused(data + "/*.jsonl", data.resolve("c.jsonl"), "a directory");
    refused(data.toString(), data, "a directory");
  }

  @Test
  void aDanglingSymlinkIsRefused() throws Exception {
    Path data = dataDir();
    Files.createSymbolicLink(data.resolve("d.jsonl"), tmp.resolve("gone.jsonl"));
    refused(data + "/*.jsonl", data.resolve("d.jsonl"), "a symbolic link to nothing");
  }

  @Test
  void aFifoBehindALinkedFolderIsRefused() throws Exception {
    Path data = dataDir();
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    mkfifo(elsewhere.resolve("g.jsonl"));
    Files.createSymbolicLink(data.resolve("linked"), elsewhere);
    refused(
        data + "/*/*.jsonl",
        data.resolve("linked").resolve("g.jsonl"),
        "not a regular file (a FIFO, socket or device would block or fail when read)");
  }

  @Test
  void linksToFilesAndFoldersWalkedByDoubleStarAreFine() throws Exception {
    Path data = dataDir();
    Files.createDirectories(data.resolve("sub"));
    Files.writeString(data.resolve("sub").resolve("e.jsonl"), EVENT, StandardCharsets.UTF_8);
    Files.createSymbolicLink(data.resolve("f.jsonl"), data.resolve("a.jsonl"));
    LocalInputCheck.check(
        new InputSpec("events", data + "/**", "canonical", null, null, ",", 1 << 20, null));
    LocalInputCheck.check(
        new InputSpec("events", data + "/*.jsonl", "canonical", null, null, ",", 1 << 20, null));
    assertTrue(LocalInputCheck.problem(data.resolve("f.jsonl"), false).isEmpty());
  }
}
