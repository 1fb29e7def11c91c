package org.dunbar.run;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.runners.core.metrics.MetricsContainerImpl;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.metrics.MetricsEnvironment;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.dunbar.canonical.ReadInputs;
import org.dunbar.records.InputFile;
import org.dunbar.records.ReadFault;
import org.dunbar.records.Rejected;

/**
 * {@code dunbar validate [STUDY.yaml] [--flags] [--full] [--sample-lines N]}: a dry run without a
 * pipeline. Resolves the study as {@code run} does, lists the input files with their sizes and
 * formats, reads the first N physical lines of every file (all with {@code --full}) through the
 * run's own reading code ({@link ReadInputs#readFile}), and prints the would-be accounting and an
 * estimate of the whole input. Exit codes as {@code run}: 0 a run would pass the checks on what was
 * read, 2 bad study or flags, 3 a glob matches nothing, 4 too many rejected records or a file that
 * cannot be read.
 */
final class ValidateCommand {
  /**
   * Lines read per file without {@code --full}: enough for the rejection shares, seconds even for
   * many files.
   */
  static final long DEFAULT_SAMPLE_LINES = 10_000;

  /**
   * Throughput the README's benchmark measured (sample dump, embedded Flink through bin/dunbar, 2
   * cores: 105,800-106,900 events/s at 10M events, 101,000-105,300 at 28-30M), for the time
   * estimate.
   */
  static final double BENCHMARK_EVENTS_PER_SECOND = 100_000;

  private ValidateCommand() {}

  /** Validates; prints the report to {@code out}; returns the exit code. */
  static int run(List<String> args, PrintStream out) throws IOException {
    List<String> studyArgs = new ArrayList<>();
    boolean full = false;
    long sampleLines = DEFAULT_SAMPLE_LINES;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--full")) {
        full = true;
      } else if (arg.equals("--sample-lines") || arg.startsWith("--sample-lines=")) {
        String value =
            arg.contains("=")
                ? arg.substring(arg.indexOf('=') + 1)
                : i + 1 < args.size() ? args.get(++i) : "";
        sampleLines = sampleLines(value);
      } else {
        studyArgs.add(arg);
      }
    }
    Study study = StudyArguments.parse(studyArgs);
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
    List<InputFile> files = StudyRun.matchInputs(study);
    long limit = full ? Long.MAX_VALUE : sampleLines;
    out.printf(
        Locale.ROOT,
        "dunbar validate: study '%s', %s, %s%n",
        study.name(),
        StudyRun.inputFiles(files.size()),
        full
            ? "every line read (--full)"
            : String.format(
                Locale.ROOT, "the first %,d lines of each file read (--full reads all)", limit));

    SampleReceiver total = new SampleReceiver();
    double estimatedRecords = 0;
    double estimatedEvents = 0;
    long totalBytes = 0;
    for (InputFile file : files) {
      FileSample sample = FileSample.read(file, study, limit);
      sample.mergeInto(total);
      totalBytes += sample.size();
      estimatedRecords += sample.records() / sample.fractionRead();
      estimatedEvents += sample.events() / sample.fractionRead();
      out.printf(
          Locale.ROOT,
          "  %-9s %-17s %12s  %s: %,d records read (%s of the file)%n",
          file.getKind(),
          file.getFormat(),
          bytes(sample.size()),
          file.getPath(),
          sample.records(),
          percent(sample.fractionRead()));
    }
    Accounting accounting = new Accounting(total.tallies);
    printAccounting(out, accounting, total);
    out.printf(
        Locale.ROOT,
        "estimate for the whole input: %s, about %,.0f records and %,.0f events; at the README's"
            + " benchmark rate of %,.0f events/s (2 cores) a run takes about %,.0f s plus"
            + " start-up%n",
        bytes(totalBytes),
        estimatedRecords,
        estimatedEvents,
        BENCHMARK_EVENTS_PER_SECOND,
        estimatedEvents / BENCHMARK_EVENTS_PER_SECOND);
    return verdict(out, study, accounting, total.faults);
  }

  private static long sampleLines(String value) {
    try {
      long n = Long.parseLong(value);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // Reported below with what is accepted.
    }
    throw new StudyException(
        "--sample-lines", "'" + value + "' is not a whole number of at least 1");
  }

  private static void printAccounting(
      PrintStream out, Accounting accounting, SampleReceiver total) {
    out.println("would-be accounting of the lines read:");
    for (String kind : Study.KINDS) {
      if (accounting.get(kind + ".read") == 0) {
        continue;
      }
      out.printf(
          Locale.ROOT,
          "  %s: read %,d = accepted %,d + rejected %,d + skipped %,d%n",
          kind,
          accounting.get(kind + ".read"),
          accounting.get(kind + ".accepted"),
          accounting.get(kind + ".rejected"),
          accounting.skipped(kind));
      if (kind.equals("events") && !total.eventsByType.isEmpty()) {
        out.println("    events by type: " + counts(total.eventsByType));
      }
      if (!accounting.rejectedByLabel(kind).isEmpty()) {
        out.println("    rejected by reason: " + counts(accounting.rejectedByLabel(kind)));
      }
      if (!accounting.skippedByKind(kind).isEmpty()) {
        out.println("    skipped by kind: " + counts(accounting.skippedByKind(kind)));
      }
    }
    total.examples.forEach(
        (reason, first) -> {
          out.printf("  first %s records:%n", reason);
          for (Rejected r : first) {
            String raw =
                r.getRaw().length() > 100 ? r.getRaw().substring(0, 100) + "…" : r.getRaw();
            out.printf(
                "    %s:%d  %s  %s%n",
                r.getSource(),
                r.getLine(),
                r.getDetail() == null ? "" : r.getDetail(),
                raw.strip());
          }
        });
  }

  /**
   * Prints whether a run would publish on what was read, and returns the exit code a run would
   * have.
   */
  private static int verdict(
      PrintStream out, Study study, Accounting accounting, List<ReadFault> faults) {
    List<String> problems = new ArrayList<>();
    faults.forEach(f -> problems.add(StudyRun.describe(f)));
    accounting.rejectionProblem(study.maxRejectedFraction()).ifPresent(problems::add);
    if (problems.isEmpty()) {
      out.printf(
          "verdict: a run would pass the input checks (rejected %s; max_rejected_fraction %s)%n",
          accounting.rejectedShares(), study.maxRejectedFraction());
      return Cli.OK;
    }
    out.println("verdict: a run would not be published: " + String.join("; ", problems));
    return RunFailure.BAD_DATA;
  }

  private static String counts(Map<String, Long> counts) {
    List<String> parts = new ArrayList<>();
    counts.forEach((name, n) -> parts.add(String.format(Locale.ROOT, "%s %,d", name, n)));
    return String.join(", ", parts);
  }

  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
  }

  /**
   * What was read of one file.
   *
   * @param size the file's size in bytes
   * @param fractionRead the share of the file read, in (0, 1]: 1 when it was read to its end; else,
   *     for a compressed file, its compressed bytes read over its size, and for a plain file the
   *     bytes of its lines read (without line ends: a slight overestimate of the rest) over its
   *     size
   */
  private record FileSample(SampleReceiver receiver, String kind, long size, double fractionRead) {
    static FileSample read(InputFile file, Study study, long limit) throws IOException {
      long size = file.getBytes();
      SampleReceiver receiver = new SampleReceiver();
      MetricsContainerImpl metrics = new MetricsContainerImpl("validate");
      try (Closeable scope = MetricsEnvironment.scopedMetricsContainer(metrics)) {
        ReadInputs.readFile(file, study.timeBounds(), limit, receiver);
      }
      long bytesRead =
          Compression.detect(file.getPath()) == Compression.UNCOMPRESSED
              ? receiver.tallies.getOrDefault(file.getKind() + ".bytes_read", 0L)
              : metrics.getCounter(ReadInputs.INPUT_BYTES).getCumulative();
      boolean cut = receiver.tallies.containsKey(ReadInputs.SAMPLE_CUT);
      double fraction =
          !cut || size == 0 ? 1.0 : Math.min(1.0, Math.max(bytesRead, 1) / (double) size);
      return new FileSample(receiver, file.getKind(), size, fraction);
    }

    long records() {
      return receiver.tallies.getOrDefault(kind + ".read", 0L);
    }

    long events() {
      return receiver.tallies.getOrDefault("emitted.events", 0L);
    }

    void mergeInto(SampleReceiver total) {
      receiver.tallies.forEach((k, v) -> total.tallies.merge(k, v, Long::sum));
      receiver.eventsByType.forEach((k, v) -> total.eventsByType.merge(k, v, Long::sum));
      receiver.examples.forEach(
          (reason, first) -> {
            List<Rejected> kept = total.examples.computeIfAbsent(reason, k -> new ArrayList<>());
            first.stream().limit(SampleReceiver.EXAMPLES - kept.size()).forEach(kept::add);
          });
      total.faults.addAll(receiver.faults);
    }
  }
}
