package org.dunbar.run;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;
import org.dunbar.generate.GenerateMain;

/**
 * The {@code dunbar} command: {@code run} a study, {@code generate} a sample dump, or {@code
 * --help}. Exit codes: 0 published; 2 bad study or flags; 3 an input glob matches nothing or
 * something that is not a readable regular file; 4 too many rejected records or bytes, an input
 * that cannot be read to its end, or unbalanced accounting; 1 anything else.
 */
public final class Cli {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int BAD_STUDY = 2;
  static final String DEBUG = "--debug";

  static final String HELP =
      """
      dunbar: follower counts in context.

      Usage:
        dunbar run [STUDY.yaml] [--flags] [--run-id ID]
                                              run a study and publish its tables
        dunbar generate --out DIR --accounts N --days D --seed S [--files K] [--start YYYY-MM-DD]
                [--format canonical|bluesky-jetstream]
                                              write a deterministic sample dump
        dunbar validate [STUDY.yaml] [--flags] [--full] [--sample-lines N]
                                              dry run without a pipeline: inputs, would-be
                                              accounting, size estimate; exit codes as run
        dunbar runs [--output DIR] [--name NAME]
                                              list runs: id, status, start, duration, events
                                              read, LATEST
        dunbar gc --keep N [--output DIR] [--name NAME] [--dry-run]
                                              remove all but the N newest runs of each study
                                              (never LATEST)
        dunbar export-graph RUN_DIR --layer L [--format gexf|graphml] [--out FILE]
                                              one layer of interaction_edges as a graph file
                                              (layers: follow, reply, mention, quote, message,
                                              reshare, like, directed, any)
        dunbar report [RUN_DIR] [--output DIR] [--name NAME]
                                              charts of a run's tables and accounting in one
                                              offline page, RUN_DIR/report.html (default: the
                                              LATEST run of the study)
        dunbar --help
        Any command with --debug prints a failure's stack trace (otherwise: one line, the trace
        in the run folder); with --log-format=json it writes stderr as one JSON object per line
        (default text)
        dunbar --version                      version and git commit of this build

      Study flags (each overrides the study file's field of the same name):
      %s
        --run-id ID                 name the run (letters, digits, . _ -) instead of
                                    START-TIME-RANDOM; an id already used is refused (exit 2)

      Exit codes: 0 published, 1 failure, 2 bad study or flags, 3 an input glob matches no file
      or a path that is not a readable regular file, 4 too many rejected records or bytes, an
      input that cannot be read to its end, or unbalanced accounting (not published).
      """
          .formatted(StudyParameter.helpLines().stripTrailing());

  private Cli() {}

  /** A command's body: its exit code. */
  @FunctionalInterface
  interface Command {
    int run() throws Exception;
  }

  /**
   * Runs a command whose bad flags are {@link IllegalArgumentException}s: those exit 2 with the
   * command's name.
   */
  private static int command(String name, StderrLog log, Command body) throws Exception {
    try {
      return body.run();
    } catch (IllegalArgumentException e) {
      log.command(name).error(e.getMessage(), null);
      return BAD_STUDY;
    }
  }

  public static void main(String[] args) {
    System.exit(run(Arrays.asList(args), System.out, System.err, StderrTerminal::width));
  }

  /** Runs a command whose stderr is no terminal. */
  static int run(List<String> args, PrintStream out, PrintStream err) {
    return run(args, out, err, () -> 0);
  }

  /**
   * @param terminalWidth the columns of the terminal {@code err} is, 0 for none; asked only for
   *     progress
   */
  static int run(List<String> args, PrintStream out, PrintStream err, IntSupplier terminalWidth) {
    if (args.isEmpty()
        || args.contains("--help")
        || args.contains("-h")
        || args.get(0).equals("help")) {
      out.print(HELP);
      return args.isEmpty() ? BAD_STUDY : OK;
    }
    LogFormat.Taken taken;
    try {
      taken = LogFormat.take(args);
    } catch (StudyException e) {
      err.println("dunbar: " + e.getMessage());
      return BAD_STUDY;
    }
    // Global options (--log-format, --debug) may come before the command or after it.
    List<String> commandFirst = taken.args().stream().filter(a -> !a.equals(DEBUG)).toList();
    if (commandFirst.isEmpty()) {
      out.print(HELP);
      return BAD_STUDY;
    }
    if (commandFirst.get(0).equals("--version")) {
      out.println(Version.line());
      return OK;
    }
    StderrLog log = new StderrLog(err, taken.format(), terminalWidth);
    if (taken.format() == LogFormat.TEXT) {
      return command(taken.args(), out, log);
    }
    // Whatever the libraries write to System.err meanwhile becomes JSON lines too.
    PrintStream system = System.err;
    System.setErr(new PrintStream(new JsonStderr(err), true, StandardCharsets.UTF_8));
    try {
      return command(taken.args(), out, log);
    } finally {
      System.err.close();
      System.setErr(system);
    }
  }

  private static int command(List<String> args, PrintStream out, StderrLog log) {
    // --debug anywhere adds the stack trace of a failure to its one line on stderr.
    boolean debug = args.contains(DEBUG);
    List<String> all = args.stream().filter(a -> !a.equals(DEBUG)).toList();
    List<String> rest = all.subList(1, all.size());
    try {
      switch (all.get(0)) {
        case "run" -> {
          RunId.Taken given = RunId.take(rest);
          Path published =
              new StudyRun(StudyArguments.parse(given.studyArgs()), log, given.id()).execute();
          out.println(published);
          return OK;
        }
        case "generate" -> {
          return GenerateMain.run(rest, out, System.err);
        }
        case "validate" -> {
          return ValidateCommand.run(rest, out);
        }
        case "report" -> {
          return command("report", log, () -> ReportCommand.run(rest, out));
        }
        case "export-graph" -> {
          return command("export-graph", log, () -> ExportGraphCommand.run(rest, out));
        }
        case "runs", "gc" -> {
          return command(
              all.get(0),
              log,
              () ->
                  all.get(0).equals("runs")
                      ? RunsCommand.run(rest, out, log)
                      : GcCommand.run(rest, out, log));
        }
        default -> {
          log.error(
              "unknown command '"
                  + all.get(0)
                  + "'; commands are run, validate, generate, runs, gc, export-graph, report (see"
                  + " dunbar --help)",
              null);
          return BAD_STUDY;
        }
      }
    } catch (RunAborted e) {
      log.error(e.line(), debug && !e.report().expected() ? e.getCause() : null);
      return e.report().exitCode();
    } catch (Exception | Error e) {
      // Before a run folder exists (or outside a run) there is no log file: --debug shows the
      // trace.
      FailureReport report = FailureReport.of(e, Path.of("."));
      log.error(
          report.line()
              + (report.expected() || debug ? "" : " (run with --debug for the stack trace)"),
          debug && !report.expected() ? e : null);
      return report.exitCode();
    }
  }
}
