package org.dunbar.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.dunbar.generate.GenerateCommand;

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
        --name NAME                 study name: output goes to OUTPUT/NAME/runs/RUN_ID (default study)
        --output DIR                output root (default out)
        --events GLOB               event input(s); repeatable or comma-separated; replaces the file's
        --events-format F           canonical | snap-activity | snap-messages | twitter-v1 | twitter-v2
                                    | bluesky-jetstream | reddit
        --snapshot-time T           created | retrieved: when a tweet's follower counts were observed
        --event-time T              time_us | created: when a Bluesky Jetstream event happened
        --delimiter D               CSV event inputs: , (default) | ; | tab
        --max-line-bytes N          longest record of an event input (default 1048576; 67108864 for twitter-v1/v2)
        --snapshots GLOB            follower-count snapshot CSV input(s)
        --baseline GLOB             baseline follow graph input(s): 'follower followee' lines
        --period P                  day | week | month (default week)
        --lookback-days N           attribution lookback (default 30)
        --churn-days N              churn threshold (default 7)
        --burst-min N               burst rule minimum (default 20)
        --burst-factor X            burst rule factor over the 28-day median (default 5)
        --reply-window-days N       reply-back window (default 7)
        --audience-bands B,B,...    band upper bounds (default 5,15,50,150,500,1500,5000,50000)
        --not-before T, --not-after T   accepted time range, ISO-8601 with offset
        --runner R                  flink (default; embedded unless --flink-master) | direct
        --flink-master HOST:PORT    run on a Flink cluster
        --parallelism N             default: the number of cores
        --max-rejected-fraction X   fail (exit 4) when more records, or more bytes, are rejected (default 0.01)
        --pseudonymize-key FILE     publish keyed pseudonyms (HMAC-SHA-256) instead of account and
                                    post ids; FILE holds the secret and must not be world-readable
        --min-cell N                null the measures of aggregate rows describing fewer than N
                                    accounts (N follows for cohorts); default off
        --run-id ID                 name the run (letters, digits, . _ -) instead of START-TIME-RANDOM;
                                    an id already used is refused (exit 2)

      Exit codes: 0 published, 1 failure, 2 bad study or flags, 3 an input glob matches no file
      or a path that is not a readable regular file, 4 too many rejected records or bytes, an
      input that cannot be read to its end, or unbalanced accounting (not published).
      """;

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
          GenerateCommand command;
          try {
            command = GenerateCommand.parse(rest.toArray(new String[0]));
          } catch (IllegalArgumentException e) {
            err.println("dunbar generate: " + e.getMessage());
            return BAD_STUDY;
          }
          out.println(command.run());
          return OK;
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
