package org.dunbar.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricResults;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.dunbar.canonical.ReadInputs;
import org.dunbar.tables.Table;

/**
 * Progress lines on stderr while a pipeline runs, one every {@code interval}, each starting with
 * its UTC time: while reading, the input bytes read of the total, records so far, records/s,
 * elapsed time and the reading's ETA; once everything is read, the stage (tables written of all).
 * The numbers are Beam counters of the reading step ({@link ReadInputs#INPUT_BYTES}, {@link
 * ReadInputs#RECORDS}), polled from the running job: nothing is logged per element.
 */
final class Progress implements AutoCloseable {
  /** Where the running job's metrics come from; null until the job is there to ask. */
  @FunctionalInterface
  interface Source {
    MetricResults poll() throws Exception;
  }

  private final PrintStream log;
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
  Progress(PrintStream log, long totalBytes, Path runDir, Duration interval, Source source) {
    this.log = log;
    this.totalBytes = totalBytes;
    this.runDir = runDir;
    this.interval = interval;
    this.source = source;
    this.thread = new Thread(this::loop, "dunbar-progress");
    thread.setDaemon(true);
    thread.start();
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
          log.println(line(counter(metrics, ReadInputs.INPUT_BYTES), counter(metrics, ReadInputs.RECORDS), Instant.now()));
        }
      }
    } catch (InterruptedException e) {
      // close(): the pipeline is over.
    }
  }

  /** One progress line at {@code now}. */
  String line(long bytes, long records, Instant now) {
    Duration elapsed = Duration.between(started, now);
    String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
    if (bytes < totalBytes) {
      double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
      String eta = bytes == 0 ? "unknown" : seconds((long) (seconds * (totalBytes - bytes) / bytes));
      return String.format(Locale.ROOT, "%s dunbar: reading %s of %s (%.1f %%), %,d records, %,.0f records/s, elapsed %s, ETA %s",
          time, ValidateCommand.bytes(bytes), ValidateCommand.bytes(totalBytes), totalBytes == 0 ? 0.0 : 100.0 * bytes / totalBytes,
          records, records / seconds, seconds(elapsed.toSeconds()), eta);
    }
    if (readingDone == null) {
      readingDone = now;
      recordsRead = records;
    }
    return String.format(Locale.ROOT, "%s dunbar: read %,d records in %s; computing and writing tables: %d of %d written, elapsed %s",
        time, recordsRead, seconds(Duration.between(started, readingDone).toSeconds()), tablesWritten(), Table.values().length,
        seconds(elapsed.toSeconds()));
  }

  /** Tables with a finished file: FileIO moves files out of its temporary folder only when a table is complete. */
  private long tablesWritten() {
    long n = 0;
    for (Table table : Table.values()) {
      try (Stream<Path> files = Files.walk(runDir.resolve(table.tableName()), 2)) {
        n += files.anyMatch(p -> p.toString().endsWith(".parquet") && !p.toString().contains(".temp-beam")) ? 1 : 0;
      } catch (IOException e) {
        // No folder yet: the table is not written.
      }
    }
    return n;
  }

  private static long counter(MetricResults metrics, MetricName name) {
    long sum = 0;
    for (MetricResult<Long> c : metrics.queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(name.getNamespace(), name.getName())).build()).getCounters()) {
      sum += c.getAttempted();
    }
    return sum;
  }

  private static String seconds(long s) {
    return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
  }
}
