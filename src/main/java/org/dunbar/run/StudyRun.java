package org.dunbar.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.flink.api.common.ExecutionMode;
import org.dunbar.canonical.ReadInputs;
import org.dunbar.formats.Timestamps;
import org.dunbar.records.InputFile;
import org.dunbar.records.ReadFault;
import org.dunbar.tables.TableRows;
import org.dunbar.tables.WriteTables;

/**
 * One run of a study: match the inputs, run the pipeline into a fresh run folder, check the
 * accounting, write the manifest, and only then publish by replacing {@code LATEST} atomically. A
 * run that fails anywhere leaves {@code LATEST} as it was.
 */
public final class StudyRun {
  /**
   * How often a progress line is printed while the pipeline runs: 5 s. Not final so that a test can
   * see lines from a run that a warm JVM finishes in seconds.
   */
  static volatile Duration progressInterval = Duration.ofSeconds(5);

  private final Study study;
  private final StderrLog log;

  /** The scheduler's run id; null when dunbar makes one from the start time. */
  private final String givenRunId;

  /** A run named by its scheduler ({@code --run-id}); {@code runId} null makes a fresh one. */
  StudyRun(Study study, StderrLog log, String runId) {
    this.study = study;
    this.log = log;
    this.givenRunId = runId;
  }

  /**
   * Runs the study; returns the published run folder, or throws {@link StudyException} or {@link
   * RunFailure} before the run folder exists and {@link RunAborted} after.
   */
  public Path execute() throws IOException {
    Instant started = Instant.now();
    String runId = givenRunId != null ? givenRunId : RunId.fresh(started);
    OutputRoot.check(Path.of(study.output()).toAbsolutePath());
    Path studyDir = Path.of(study.output(), study.name()).toAbsolutePath();
    Path runDir = studyDir.resolve("runs").resolve(runId);
    if (Files.exists(runDir)) {
      // Runs are never overwritten: a scheduler that retries must give the retry its own id.
      throw new StudyException(
          "--run-id", "run '" + runId + "' already exists in " + runDir.getParent());
    }
    PipelineOptions options = options();
    FileSystems.setDefaultPipelineOptions(options);
    List<InputFile> files = matchInputs(study);
    log.info(
        "started",
        String.format(
            Locale.ROOT,
            "run %s of study '%s': %s, runner %s (parallelism %d)",
            runId,
            study.name(),
            inputFiles(files.size()),
            runnerLabel(),
            study.parallelism()),
        StderrLog.fields(
            "run_id",
            runId,
            "study",
            study.name(),
            "input_files",
            files.size(),
            "runner",
            runnerLabel(),
            "parallelism",
            study.parallelism()));
    if (study.runner().equals("direct")) {
      DirectRunnerAdvice.forInputOf(totalBytes(files)).ifPresent(log::warn);
    }
    Files.createDirectories(runDir);
    RunWatch watch = new RunWatch(runDir, runId, started, study);
    try {
      watch.reserve();
      Path published = runAndPublish(options, files, studyDir, runDir, runId, started, watch);
      watch.published();
      return published;
    } catch (Throwable failure) {
      // Errors too: an OutOfMemoryError must still leave a failed manifest and one line.
      throw watch.failed(failure);
    }
  }

  private Path runAndPublish(
      PipelineOptions options,
      List<InputFile> files,
      Path studyDir,
      Path runDir,
      String runId,
      Instant started,
      RunWatch watch)
      throws IOException {
    Pipeline pipeline = Pipeline.create(options);
    StudyPipeline.build(pipeline, study, files, runDir.toString());
    log.info(
        "pipeline_started",
        "pipeline started; tables go to " + runDir,
        Map.of("run_dir", runDir.toString()));
    PipelineResult.State state;
    ProgressListener.reset();
    try (Progress progress =
        new Progress(log, totalBytes(files), runDir, progressInterval, ProgressListener::metrics)) {
      PipelineResult result = pipeline.run();
      progress.watch(result::metrics);
      state = result.waitUntilFinish();
    }
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the pipeline ended in state " + state);
    }
    ClusterFailovers.History failovers = null;
    if (study.runner().equals("flink") && study.flinkMaster() != null) {
      failovers = ClusterFailovers.of(study.flinkMaster(), ProgressListener.jobId());
      String summary = failovers.summary();
      if (summary != null) {
        log.warn(summary);
      }
    }
    long seconds = Duration.between(started, Instant.now()).toSeconds();
    log.info(
        "pipeline_done",
        "pipeline done after " + seconds + "s; checking the accounting",
        Map.of("pipeline_seconds", seconds));
    CountDropWarnings.read(runDir, study.pseudonymize() != null).forEach(log::warn);
    removeScratch(runDir, false);
    for (String twice : WriteTables.keepOneCopy(runDir)) {
      log.warn(
          "table_written_twice",
          twice + " was written twice (a cluster restart after it was finalized); one copy kept",
          Map.of("folder", twice));
    }
    WriteTables.writeEmptyTables(runDir);
    Accounting accounting = readTallies(runDir);
    List<ReadFault> faults = readFaults(runDir);
    removeScratch(runDir, true);
    // A file not read to its end comes first: the other numbers are of a partial input.
    List<String> problems = new ArrayList<>();
    faults.forEach(f -> problems.add(describe(f)));
    problems.addAll(accounting.imbalances());
    accounting
        .rejectionProblem(study.maxRejectedFraction())
        .ifPresent(
            p ->
                problems.add(
                    p
                        + " (see the rejected table in "
                        + runDir.resolve("rejected")
                        + "; dunbar validate with the same arguments shows examples by file and"
                        + " line)"));
    if (!watch.publishing()) {
      throw new IllegalStateException("stopped by a signal before publication");
    }
    writeManifest(runDir, runId, started, files, accounting, faults, problems, failovers);
    if (!problems.isEmpty()) {
      throw new RunFailure(
          RunFailure.BAD_DATA, "run " + runId + " not published: " + String.join("; ", problems));
    }
    publish(studyDir, runId);
    RunSummary.emptyTables(accounting)
        .forEach(
            (table, warning) -> log.warn("empty_table", warning, StderrLog.fields("table", table)));
    log.info(
        "published", RunSummary.line(runDir, accounting), RunSummary.fields(runDir, accounting));
    return runDir;
  }

  /** The input files' sizes summed, in bytes: what progress reports the bytes read against. */
  private static long totalBytes(List<InputFile> files) {
    return files.stream().mapToLong(InputFile::getBytes).sum();
  }

  private PipelineOptions options() throws IOException {
    if (study.runner().equals("direct")) {
      DirectOptions direct = PipelineOptionsFactory.as(DirectOptions.class);
      direct.setRunner(DirectRunner.class);
      direct.setTargetParallelism(study.parallelism());
      // run() returns at once, so that progress can poll the running job's metrics.
      direct.setBlockOnRun(false);
      return direct;
    }
    FlinkPipelineOptions flink = PipelineOptionsFactory.as(FlinkPipelineOptions.class);
    flink.setRunner(FlinkRunner.class);
    flink.setFlinkMaster(study.flinkMaster() == null ? "[local]" : study.flinkMaster());
    flink.setParallelism(study.parallelism());
    // Flink hands the running job to the listener, whose accumulators progress polls.
    flink.setFlinkConfDir(ProgressListener.confDir().toString());
    // Elements between stages are immutable records: Flink need not deep-copy them defensively.
    flink.setFasterCopy(true);
    // Every exchange blocking: with Flink's default pipelined exchanges a job whose side input (the
    // last event's instant) feeds a step downstream of the pair grouping never got its tasks
    // scheduled, and blocking exchanges measured as fast. On a cluster they also let Flink restart
    // only the failed region of the job.
    flink.setExecutionModeForBatch(ExecutionMode.BATCH_FORCED.name());
    // Beam's CoGroupByKey reads a group once per input; without this, Flink fails any key with more
    // than 10,000 values ("GBK result is not re-iterable"): an account with years of daily periods.
    flink.setReIterableGroupByKeyResult(true);
    return flink;
  }

  private String runnerLabel() {
    return study.runner().equals("direct")
        ? "direct"
        : "flink " + (study.flinkMaster() == null ? "[local]" : study.flinkMaster());
  }

  /** "1 input file" or "N input files", as the run's and validate's first lines say it. */
  static String inputFiles(int count) {
    return count + (count == 1 ? " input file" : " input files");
  }

  /**
   * The study's input files, glob by glob, each glob's matches in path order. Every input glob must
   * match at least one file, and only readable regular files: an empty match is a mistake, not an
   * empty study, and a folder or FIFO among the matches is never skipped silently.
   *
   * @throws RunFailure with exit code 3 naming the first glob that matches nothing or a path that
   *     is not a readable regular file
   */
  static List<InputFile> matchInputs(Study study) throws IOException {
    List<InputFile> files = new ArrayList<>();
    for (InputSpec input : study.inputs()) {
      LocalInputCheck.check(input);
      MatchResult match = FileSystems.match(input.glob(), EmptyMatchTreatment.ALLOW);
      List<MatchResult.Metadata> matched =
          match.status() == MatchResult.Status.OK
              ? match.metadata().stream()
                  .sorted(Comparator.comparing(m -> m.resourceId().toString()))
                  .toList()
              : List.of();
      if (matched.isEmpty()) {
        throw new RunFailure(
            RunFailure.NO_INPUT,
            "no file matches the " + input.kind() + " input '" + input.glob() + "'");
      }
      for (MatchResult.Metadata m : matched) {
        files.add(
            new InputFile(
                m.resourceId().toString(),
                input.kind(),
                input.format(),
                input.snapshotTime(),
                input.eventTime(),
                input.delimiter(),
                input.maxLineBytes(),
                retrievedAt(input, m),
                m.sizeBytes()));
      }
    }
    return files;
  }

  /**
   * A file's retrieval time in epoch microseconds: the input's instant, or the file's modification
   * time for {@value InputSpec#FILE_MTIME}; null when the input gives none.
   *
   * @throws RunFailure (exit 3) when the file system keeps no modification time (0) for the file
   */
  private static Long retrievedAt(InputSpec input, MatchResult.Metadata file) {
    if (input.retrievedAt() == null) {
      return null;
    }
    if (!input.retrievedAt().equals(InputSpec.FILE_MTIME)) {
      return Timestamps.micros(Study.parseInstant("retrieved_at", input.retrievedAt(), ""));
    }
    if (file.lastModifiedMillis() <= 0) {
      throw new RunFailure(
          RunFailure.NO_INPUT,
          "retrieved_at file-mtime: the file system gives no modification time for "
              + file.resourceId()
              + "; give retrieved_at as an instant instead");
    }
    return file.lastModifiedMillis() * 1000;
  }

  /** The pipeline's tallies, with the rows of every table as written ({@code rows.<table>}). */
  private static Accounting readTallies(Path runDir) throws IOException {
    Map<String, Long> tallies = new LinkedHashMap<>();
    TableRows.count(runDir).forEach((table, rows) -> tallies.put("rows." + table, rows));
    try (Stream<Path> files = Files.list(runDir.resolve(WriteTallies.DIR))) {
      for (Path file : files.toList()) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          String[] parts = line.split("\t");
          tallies.merge(parts[0], Long.parseLong(parts[1]), Long::sum);
        }
      }
    }
    return new Accounting(tallies);
  }

  /**
   * The input files that could not be read to their end, in path order; none when the folder is
   * absent.
   */
  /** A file that could not be read to its end, as a run's (and a dry run's) problem line. */
  static String describe(ReadFault fault) {
    return String.format(
        Locale.ROOT,
        "%s cannot be read to its end: %s, after line %,d",
        fault.getPath(),
        fault.getReason(),
        fault.getLinesRead());
  }

  private static List<ReadFault> readFaults(Path runDir) throws IOException {
    Path dir = runDir.resolve(ReadInputs.FAULTS_DIR);
    List<ReadFault> faults = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return faults;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".avro")).toList()) {
        try (DataFileReader<ReadFault> reader =
            new DataFileReader<>(file.toFile(), new SpecificDatumReader<>(ReadFault.class))) {
          reader.forEach(faults::add);
        }
      }
    }
    faults.sort(java.util.Comparator.comparing(ReadFault::getPath));
    return faults;
  }

  /**
   * Removes any temporary folder a file sink left behind and, once the manifest is to hold them,
   * the tallies and read faults.
   */
  private static void removeScratch(Path runDir, boolean bookkeeping) throws IOException {
    Set<String> bookkeepingDirs =
        Set.of(WriteTallies.DIR, ReadInputs.FAULTS_DIR, CountDropWarnings.DIR);
    List<Path> scratch;
    try (Stream<Path> all = Files.walk(runDir)) {
      scratch =
          all.filter(
                  p ->
                      p.getFileName().toString().startsWith(".temp-beam")
                          || bookkeeping && bookkeepingDirs.contains(p.getFileName().toString()))
              .toList();
    }
    for (Path dir : scratch) {
      if (Files.exists(dir)) {
        try (Stream<Path> inside = Files.walk(dir)) {
          for (Path p : inside.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
    }
  }

  /** The manifest of a run whose pipeline finished; {@code failovers} null unless on a cluster. */
  private void writeManifest(
      Path runDir,
      String runId,
      Instant started,
      List<InputFile> files,
      Accounting accounting,
      List<ReadFault> faults,
      List<String> problems,
      ClusterFailovers.History failovers)
      throws IOException {
    Map<String, Object> manifest =
        ManifestFile.head(
            runId, problems.isEmpty() ? "published" : "failed", problems, started, study);
    List<Map<String, Object>> inputs = new ArrayList<>();
    for (InputFile f : files) {
      Map<String, Object> input = new LinkedHashMap<>();
      input.put("path", f.getPath());
      input.put("kind", f.getKind());
      input.put("format", f.getFormat());
      input.put("bytes", f.getBytes());
      inputs.add(input);
    }
    manifest.put("inputs", inputs);
    manifest.put("runner", runnerLabel());
    manifest.put("parallelism", study.parallelism());
    if (failovers != null) {
      failovers.addTo(manifest);
    }
    manifest.put("rows", accounting.rowCounts());
    manifest.put("accounting", accounting.toManifest());
    Map<String, Object> shares = new LinkedHashMap<>();
    shares.put("records", accounting.rejectedFraction());
    shares.put("bytes", accounting.rejectedByteFraction());
    shares.put("max_rejected_fraction", study.maxRejectedFraction());
    manifest.put("rejected_share", shares);
    manifest.put(
        "faults",
        faults.stream()
            .map(f -> new Unread(f.getPath(), f.getKind(), f.getLinesRead(), f.getReason()))
            .toList());
    ManifestFile.write(runDir, manifest);
  }

  /** A file that could not be read to its end, as the manifest lists it (snake_case fields). */
  private record Unread(String path, String kind, long linesRead, String reason) {}

  /**
   * Replaces LATEST in one atomic rename, so readers see the old run or the new one, never neither.
   */
  private static void publish(Path studyDir, String runId) throws IOException {
    Path tmp = studyDir.resolve("LATEST." + runId + ".tmp");
    Files.writeString(tmp, runId + "\n", StandardCharsets.UTF_8);
    Files.move(
        tmp,
        studyDir.resolve("LATEST"),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }
}
