package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dunbar.analysis.SumOverflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every failure is one line and an exit code, however deep Flink and Beam wrap it (issue 13, faults
 * 3 and 6).
 */
class FailureReportTest {
  private static final Path OUT = Path.of("/data/out/study/runs/r1");

  /** As Beam reports a task's failure from Flink: two layers of wrapping. */
  private static Throwable wrapped(Throwable cause) {
    return new RuntimeException(
        "org.apache.flink.runtime.client.JobExecutionException: Job execution failed.",
        new IllegalStateException("Job execution failed.", cause));
  }

  @Test
  void aSumThatWouldWrapIsBadDataNamingTableAndColumn() {
    FailureReport report =
        FailureReport.of(
            wrapped(new SumOverflow("engagement_by_cohort", "followers_start_sum")), OUT);
    assertEquals(RunFailure.BAD_DATA, report.exitCode());
    assertEquals(
        "a sum in engagement_by_cohort.followers_start_sum exceeds 9223372036854775807 (the largest"
            + " 64-bit integer): check the input counts that feed it",
        report.line());
  }

  @Test
  void outOfMemoryNamesTheHeapItHad() {
    FailureReport report = FailureReport.of(wrapped(new OutOfMemoryError("Java heap space")), OUT);
    assertEquals(Cli.FAILED, report.exitCode());
    assertEquals(
        String.format(
            "out of memory (Java heap space) with a maximum heap of %,d MiB: give the JVM more"
                + " (java -Xmx8g -jar dunbar.jar ...) or run with a lower --parallelism",
            Runtime.getRuntime().maxMemory() >> 20),
        report.line());
    assertFalse(report.freesSpace());
    // What -Xmx128m gives on embedded Flink: direct memory is as large as the heap.
    FailureReport direct =
        FailureReport.of(
            wrapped(
                new OutOfMemoryError(
                    "Can't allocate enough direct buffer for batch shuffle read buffer pool (bytes"
                        + " allocated: 67076096, bytes still needed: 32768). To avoid the"
                        + " exception, ...")),
            OUT);
    assertTrue(
        direct
            .line()
            .startsWith(
                "out of memory (Can't allocate enough direct buffer for batch shuffle read buffer"
                    + " pool) with a maximum heap of "),
        direct.line());
  }

  @Test
  void aFullDiskNamesTheFileOrElseTheRunFolder() {
    FailureReport named =
        FailureReport.of(
            wrapped(
                new UncheckedIOException(
                    new FileSystemException(
                        "/data/out/study/runs/r1/follower_growth/part-0.parquet",
                        null,
                        FailureReport.NO_SPACE))),
            OUT);
    assertEquals(
        "no space left on device writing /data/out/study/runs/r1/follower_growth/part-0.parquet:"
            + " free space there or give another --output",
        named.line());
    assertEquals(Cli.FAILED, named.exitCode());
    assertTrue(named.freesSpace());
    FailureReport unnamed = FailureReport.of(wrapped(new IOException(FailureReport.NO_SPACE)), OUT);
    assertEquals(
        "no space left on device writing " + OUT + ": free space there or give another --output",
        unnamed.line());
  }

  @Test
  void anythingElseIsNamedByItsInnermostCause() {
    FailureReport report =
        FailureReport.of(wrapped(new IllegalArgumentException("bad thing\nat line two")), OUT);
    assertEquals("failed: IllegalArgumentException: bad thing", report.line());
    assertEquals(Cli.FAILED, report.exitCode());
    assertFalse(report.expected());
  }

  @Test
  void aFailureOutsideARunIsOneLineAndItsTraceComesWithDebug(@TempDir Path tmp) throws IOException {
    Path out = Files.writeString(tmp.resolve("plain"), "x").resolve("dump");
    String[] args = {
      "generate", "--out", out.toString(), "--accounts", "100", "--days", "14", "--seed", "1"
    };
    Dunbar plain = Dunbar.run(args);
    assertEquals(Cli.FAILED, plain.exitCode());
    assertEquals(
        "dunbar: failed: FileSystemException: "
            + out
            + ": Not a directory (run with --debug for the stack trace)\n",
        plain.err());
    String[] withDebug = java.util.Arrays.copyOf(args, args.length + 1);
    withDebug[args.length] = "--debug";
    Dunbar debug = Dunbar.run(withDebug);
    assertEquals(Cli.FAILED, debug.exitCode());
    assertTrue(
        debug
            .err()
            .startsWith(
                "dunbar: failed: FileSystemException: "
                    + out
                    + ": Not a directory\n"
                    + "java.nio.file.FileSystemException: "),
        debug.err());
  }

  @Test
  void answersKeepTheirOwnCodes() {
    assertEquals(
        new FailureReport(3, "no file", true),
        FailureReport.of(wrapped(new RunFailure(3, "no file")), OUT));
    assertEquals(
        new FailureReport(2, "output: x", true),
        FailureReport.of(new StudyException("output", "x"), OUT));
  }
}
