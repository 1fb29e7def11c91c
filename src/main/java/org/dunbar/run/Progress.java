package org.dunbar.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricResults;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.dunbar.canonical.ReadInputs;
import org.dunbar.tables.Table;

/**
 * Progress on stderr while a pipeline runs, one report every {@code interval}, rendered by {@link
 * StderrLog#progress} (a timestamped line, a JSON object or a live bar): while reading, the input
 * bytes read of the total, records so far, records/s, elapsed time and the reading's ETA; once
 * everything is read, the stage (tables written of all). The numbers are Beam counters of the
 * reading step ({@link ReadInputs#INPUT_BYTES}, {@link ReadInputs#RECORDS}), polled from the
 * running job: nothing is logged per element.
 */
final class Progress implements AutoCloseable {
  /** Where the running job's metrics come from; null until the job is there to ask. */
  @FunctionalInterface
  interface Source {
    MetricResults poll() throws Exception;
  }

  private final StderrLog log;
  private final long totalBytes;
  private final Path runDir;
  private final Duration interval;
  private final Instant started = Instant.now();
  private final Thread thread;
  private volatile Source source;
  private Instant readingDone;
  private long recordsRead;

  /**
   * Starts reporting on a daemon thread.
   *
   * @param totalBytes the input files' sizes summed, in bytes
   * @param runDir the run folder, whose finished tables name the stage once reading is over
   */
  Progress(StderrLog log, long totalBytes, Path runDir, Duration interval, Source source) {
    this.log = log;
    this.totalBytes = totalBytes;
    this.runDir = runDir;
    this.interval = interval;
    this.source = source;
    this.thread = new Thread(this::loop, "dunbar-progress");
    thread.setDaemon(true);
    thread.start();
  }

  /** When reporting started: elapsed times count from here. */
  Instant started() {
    return started;
  }

  /** Switches to another source: the DirectRunner's result exists only once the job started. */
  void watch(Source source) {
    this.source = source;
  }

  @Override
  public void close() {
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      // The run itself is being interrupted: let it see that, the reporter is stopping anyway.
      Thread.currentThread().interrupt();
    }
    log.progressOver();
  }

  private void loop() {
    try {
      while (true) {
        Thread.sleep(interval.toMillis());
        MetricResults metrics;
        try {
          metrics = source.poll();
        } catch (InterruptedException e) {
          return;
        } catch (Exception e) {
          // The job ended between two polls and its cluster is gone: nothing to report, and the
          // run's own result says how the job ended.
          continue;
        }
        if (metrics != null) {
          log.progress(
              figures(
                  counter(metrics, ReadInputs.INPUT_BYTES),
                  counter(metrics, ReadInputs.RECORDS),
                  Instant.now()));
        }
      }
    } catch (InterruptedException e) {
      // close(): the pipeline is over.
    }
  }

  /** The figures at {@code now} from the counters' values. */
  ProgressFigures figures(long bytes, long records, Instant now) {
    Duration elapsed = Duration.between(started, now);
    if (bytes < totalBytes) {
      return new ProgressFigures(
          bytes, totalBytes, records, elapsed, null, 0, Table.values().length);
    }
    if (readingDone == null) {
      readingDone = now;
      recordsRead = records;
    }
    return new ProgressFigures(
        bytes,
        totalBytes,
        recordsRead,
        elapsed,
        Duration.between(started, readingDone),
        tablesWritten(),
        Table.values().length);
  }

  /**
   * Tables with a finished file: FileIO moves files out of its temporary folder only when a table
   * is complete.
   */
  private long tablesWritten() {
    long n = 0;
    for (Table table : Table.values()) {
      try (Stream<Path> files = Files.walk(runDir.resolve(table.tableName()), 2)) {
        n +=
            files.anyMatch(
                    p -> p.toString().endsWith(".parquet") && !p.toString().contains(".temp-beam"))
                ? 1
                : 0;
      } catch (IOException e) {
        // No folder yet: the table is not written.
      }
    }
    return n;
  }

  private static long counter(MetricResults metrics, MetricName name) {
    long sum = 0;
    for (MetricResult<Long> c :
        metrics
            .queryMetrics(
                MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.named(name.getNamespace(), name.getName()))
                    .build())
            .getCounters()) {
      sum += c.getAttempted();
    }
    return sum;
  }
}
