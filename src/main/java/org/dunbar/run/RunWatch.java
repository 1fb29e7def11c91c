package org.dunbar.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Makes every run folder say what it is. From the moment the folder exists until the run ends, a
 * failure of any kind, and SIGTERM or SIGINT through a shutdown hook, leave a {@code
 * _manifest.json} with {@code status: failed} and the reason; a stack trace goes to {@code
 * _failure.log} beside it. Only {@code kill -9} leaves a folder without a manifest, which therefore
 * means "never ended".
 */
final class RunWatch {
  static final String LOG = "_failure.log";

  /**
   * Room held for the failure's own files while the run works: on a full disk, deleting what the
   * run wrote may free nothing yet (writers that failed still hold their files open), and the
   * manifest and trace must still fit.
   */
  static final String RESERVE = "_failure.reserve";

  static final int RESERVE_BYTES = 128 * 1024;

  /** How long a signal waits for a run that is already publishing to finish. */
  private static final long PUBLISH_GRACE_SECONDS = 30;

  private final Path runDir;
  private final String runId;
  private final Instant started;
  private final Study study;
  private final AtomicBoolean ended = new AtomicBoolean();
  private final CountDownLatch done = new CountDownLatch(1);
  private final Thread hook;

  RunWatch(Path runDir, String runId, Instant started, Study study) {
    this.runDir = runDir;
    this.runId = runId;
    this.started = started;
    this.study = study;
    this.hook = new Thread(this::signalled, "dunbar-run-watch");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Holds {@link #RESERVE_BYTES} in the run folder until the run ends. */
  void reserve() throws IOException {
    Files.write(runDir.resolve(RESERVE), new byte[RESERVE_BYTES]);
  }

  /**
   * Claims the end of the run for publication; false when a signal has already ended it. After a
   * true answer a signal waits for {@link #published()} instead of marking the run failed.
   */
  boolean publishing() throws IOException {
    boolean claimed = ended.compareAndSet(false, true);
    if (claimed) {
      Files.deleteIfExists(runDir.resolve(RESERVE));
    }
    return claimed;
  }

  void published() {
    done.countDown();
    removeHook();
  }

  /**
   * Records a failure in the run folder and returns the exception that reports it: the manifest
   * (unless the run already wrote its own failed one), the trace log, and on a full disk the
   * removal of the run's files first, so the disk is not left full.
   */
  RunAborted failed(Throwable failure) {
    ended.set(true);
    done.countDown();
    removeHook();
    FailureReport report = FailureReport.of(failure, runDir);
    Path log = runDir.resolve(LOG);
    try {
      if (report.freesSpace()) {
        removeContents(runDir);
      }
      Files.deleteIfExists(runDir.resolve(RESERVE));
      if (!report.expected()) {
        Files.writeString(log, trace(failure), StandardCharsets.UTF_8);
      }
      if (!ManifestFile.exists(runDir)) {
        writeFailed(report.line() + (report.expected() ? "" : " (trace in " + LOG + ")"));
      }
    } catch (IOException | UncheckedIOException e) {
      // The folder cannot take even this (the disk is still full): it stays without a manifest,
      // which marks it incomplete, and the line says so instead of naming a log that is not there.
      failure.addSuppressed(e);
      return new RunAborted(report, null, runDir, failure);
    }
    return new RunAborted(report, report.expected() ? null : log, runDir, failure);
  }

  private void signalled() {
    if (!ended.compareAndSet(false, true)) {
      awaitPublication();
      return;
    }
    try {
      Files.deleteIfExists(runDir.resolve(RESERVE));
      writeFailed(
          "stopped by a signal (SIGTERM or SIGINT) before it finished; nothing was published");
    } catch (IOException e) {
      // A JVM shutting down has nowhere else to report; the missing manifest marks the folder
      // incomplete.
      System.err.println("dunbar: could not mark " + runDir + " as failed: " + e.getMessage());
    }
  }

  private void awaitPublication() {
    try {
      done.await(PUBLISH_GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void writeFailed(String reason) throws IOException {
    Map<String, Object> manifest =
        ManifestFile.head(runId, "failed", List.of(reason), started, study);
    manifest.put("log", Files.exists(runDir.resolve(LOG)) ? LOG : null);
    ManifestFile.write(runDir, manifest);
  }

  private void removeHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook is running or has run, and it checks `ended` itself.
    }
  }

  static String trace(Throwable failure) {
    StringWriter out = new StringWriter();
    failure.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  private static void removeContents(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).toList()) {
        Files.delete(p);
      }
    }
  }
}
