package org.dunbar.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dunbar.generate.Flags;

/**
 * {@code dunbar runs [--output DIR] [--name NAME]}: one line per run of each study (or of the named
 * one), oldest first: study, run id, status, start (UTC), duration, event records read, and {@code
 * LATEST} on the published run that LATEST names.
 */
final class RunsCommand {
  static final List<String> FLAGS = List.of("output", "name");

  private RunsCommand() {}

  /** The folder the flags point at: the output root, or one study's folder under it. */
  static Path folder(Flags flags) {
    return Path.of(flags.get("output", "out")).resolve(flags.get("name", "")).toAbsolutePath();
  }

  /** Prints the listing; returns the exit code (0, or 2 when the named study has no runs). */
  static int run(List<String> args, PrintStream out, StderrLog log) throws IOException {
    Flags flags = Flags.parse(args.toArray(new String[0]), FLAGS, List.of(), 0);
    List<RunFolder> runs = new ArrayList<>();
    for (Path study : studies(flags)) {
      runs.addAll(RunFolder.list(study));
    }
    if (runs.isEmpty()) {
      log.command("runs").info("no runs under " + folder(flags));
      return flags.has("name") ? Cli.BAD_STUDY : Cli.OK;
    }
    out.printf(
        "%-16s %-34s %-10s %-20s %9s %13s%n",
        "study", "run_id", "status", "started", "duration", "events_read");
    for (RunFolder run : runs) {
      out.printf(
          Locale.ROOT,
          "%-16s %-34s %-10s %-20s %9s %13s%s%n",
          run.study(),
          run.id(),
          run.status(),
          run.started().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
          run.duration() == null ? "-" : run.duration().toSeconds() + "s",
          run.eventsRead() == null ? "-" : String.format(Locale.ROOT, "%,d", run.eventsRead()),
          run.latest() ? "  LATEST" : "");
    }
    return Cli.OK;
  }

  /** The study folders {@code --output}/{@code --name} select: the named one, else all. */
  static List<Path> studies(Flags flags) throws IOException {
    Path output = Path.of(flags.get("output", "out"));
    return flags.has("name")
        ? List.of(output.resolve(flags.get("name")))
        : RunFolder.studies(output);
  }
}
