package org.dunbar.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dunbar.generate.Flags;
import org.dunbar.report.HtmlReport;

/**
 * {@code dunbar report [RUN_DIR] [--output DIR] [--name NAME]}: writes {@code report.html}, charts
 * of the run's tables and its accounting, into a run folder. RUN_DIR is a run folder (of any
 * status, as long as it has a manifest) or a study folder, meaning its LATEST run; without RUN_DIR,
 * the LATEST run of study NAME under DIR (default {@code out}; NAME may be left out when DIR holds
 * one study). Prints the file written; exit 2 when there is no such run.
 */
final class ReportCommand {
  private ReportCommand() {}

  static int run(List<String> args, PrintStream out) throws IOException {
    Flags flags = Flags.parse(args.toArray(new String[0]), RunsCommand.FLAGS, List.of(), 1);
    Path runDir =
        flags.positional().isEmpty()
            ? latest(study(flags))
            : given(Path.of(flags.positional().get(0)));
    out.println(HtmlReport.write(runDir));
    return Cli.OK;
  }

  /** A run folder as given, or the LATEST run of a study folder. */
  private static Path given(Path dir) throws IOException {
    if (Files.isRegularFile(dir.resolve(ManifestFile.NAME))) {
      return dir;
    }
    if (Files.isDirectory(dir.resolve("runs"))) {
      return latest(dir);
    }
    throw new IllegalArgumentException(
        dir
            + " is neither a run folder with a "
            + ManifestFile.NAME
            + " nor a study folder (one with runs/)");
  }

  /** The study folder --output and --name select: the named one, or the only one there is. */
  private static Path study(Flags flags) throws IOException {
    List<Path> studies = RunsCommand.studies(flags);
    if (studies.size() == 1) {
      return studies.get(0);
    }
    Path output = Path.of(flags.get("output", "out")).toAbsolutePath();
    if (studies.isEmpty()) {
      throw new IllegalArgumentException(
          "no study with runs under " + output + ": give RUN_DIR, or --output DIR");
    }
    throw new IllegalArgumentException(
        output
            + " holds "
            + studies.size()
            + " studies: give --name, one of "
            + String.join(", ", studies.stream().map(s -> s.getFileName().toString()).toList()));
  }

  private static Path latest(Path study) throws IOException {
    String latest = RunFolder.latest(study);
    if (latest == null) {
      throw new IllegalArgumentException(
          study + " has no published run (no LATEST): give a run folder");
    }
    return study.resolve("runs").resolve(latest);
  }
}
