package org.dunbar.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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

  static final String HELP = """
      dunbar: follower counts in context.

      Usage:
        dunbar run [STUDY.yaml] [--flags] [--run-id ID]
                                              run a study and publish its tables
        dunbar generate --out DIR --accounts N --days D --seed S [--files K] [--start YYYY-MM-DD]
                [--format canonical|bluesky-jetstream]
                                              write a deterministic sample dump
        dunbar validate [STUDY.yaml] [--flags] [--full] [--sample-lines N]
                                              dry run without a pipeline: inputs, would-be accounting,
                                              size estimate; exit codes as run
        dunbar runs [--output DIR] [--name NAME]
                                              list runs: id, status, start, duration, events read, LATEST
        dunbar gc --keep N [--output DIR] [--name NAME] [--dry-run]
                                              remove all but the N newest runs of each study (never LATEST)
        dunbar export-graph RUN_DIR --layer L [--format gexf|graphml] [--out FILE]
                                              one layer of interaction_edges as a graph file (layers: follow,
                                              reply, mention, quote, message, reshare, like, directed, any)
        dunbar report [RUN_DIR] [--output DIR] [--name NAME]
                                              charts of a run's tables and accounting in one offline page,
                                              RUN_DIR/report.html (default: the LATEST run of the study)
        dunbar --help
        Any command with --debug prints a failure's stack trace (otherwise: one line, the trace in the run folder)
        dunbar --version                      version and git commit of this build

      Study flags (each overrides the study file's field of the same name):
      %s
        --run-id ID                 name the run (letters, digits, . _ -) instead of START-TIME-RANDOM;
                                    an id already used is refused (exit 2)

      Exit codes: 0 published, 1 failure, 2 bad study or flags, 3 an input glob matches no file
      or a path that is not a readable regular file, 4 too many rejected records or bytes, an
      input that cannot be read to its end, or unbalanced accounting (not published).
      """.formatted(StudyParameter.helpLines().stripTrailing());

  private Cli() {}

  /** A command's body: its exit code. */
  @FunctionalInterface
  interface Command {
    int run() throws Exception;
  }

  /** Runs a command whose bad flags are {@link IllegalArgumentException}s: those exit 2 with the command's name. */
  private static int command(String name, PrintStream err, Command body) throws Exception {
    try {
      return body.run();
    } catch (IllegalArgumentException e) {
      err.println("dunbar " + name + ": " + e.getMessage());
      return BAD_STUDY;
    }
  }

  public static void main(String[] args) {
    System.exit(run(Arrays.asList(args), System.out, System.err));
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty() || args.contains("--help") || args.contains("-h") || args.get(0).equals("help")) {
      out.print(HELP);
      return args.isEmpty() ? BAD_STUDY : OK;
    }
    if (args.get(0).equals("--version")) {
      out.println(Version.line());
      return OK;
    }
    // --debug anywhere adds the stack trace of a failure to its one line on stderr.
    boolean debug = args.contains(DEBUG);
    List<String> rest = args.subList(1, args.size()).stream().filter(a -> !a.equals(DEBUG)).toList();
    try {
      switch (args.get(0)) {
        case "run" -> {
          RunId.Taken given = RunId.take(rest);
          Path published = new StudyRun(StudyArguments.parse(given.studyArgs()), err, given.id()).execute();
          out.println(published);
          return OK;
        }
        case "generate" -> {
          return GenerateMain.run(rest, out, err);
        }
        case "validate" -> {
          return ValidateCommand.run(rest, out);
        }
        case "report" -> {
          return command("report", err, () -> ReportCommand.run(rest, out));
        }
        case "export-graph" -> {
          return command("export-graph", err, () -> ExportGraphCommand.run(rest, out));
        }
        case "runs", "gc" -> {
          return command(args.get(0), err, () -> args.get(0).equals("runs") ? RunsCommand.run(rest, out, err) : GcCommand.run(rest, out, err));
        }
        default -> {
          err.println("dunbar: unknown command '" + args.get(0) + "'; commands are run, validate, generate, runs, gc, export-graph, report (see dunbar --help)");
          return BAD_STUDY;
        }
      }
    } catch (RunAborted e) {
      err.println("dunbar: " + e.line());
      return reported(e.report(), e.getCause(), debug, err);
    } catch (Exception | Error e) {
      // Before a run folder exists (or outside a run) there is no log file: --debug shows the trace.
      FailureReport report = FailureReport.of(e, Path.of("."));
      err.println("dunbar: " + report.line() + (report.expected() || debug ? "" : " (run with --debug for the stack trace)"));
      return reported(report, e, debug, err);
    }
  }

  private static int reported(FailureReport report, Throwable cause, boolean debug, PrintStream err) {
    if (debug && !report.expected()) {
      cause.printStackTrace(err);
    }
    return report.exitCode();
  }
}
