package org.dunbar.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.dunbar.generate.Flags;

/**
 * {@code dunbar gc --keep N [--output DIR] [--name NAME] [--dry-run]}: per study, keeps the N
 * newest runs (by start) and the run LATEST names, and removes every other run folder, whatever its
 * status. A run in progress is the newest of its study, so {@code --keep 1} or more never removes
 * it.
 */
final class GcCommand {
  private GcCommand() {}

  /**
   * Removes (or with {@code --dry-run} only lists) the old runs, one line each; returns the exit
   * code (2 when the named study has no runs).
   */
  static int run(List<String> args, PrintStream out, StderrLog log) throws IOException {
    List<String> allowed = new ArrayList<>(RunsCommand.FLAGS);
    allowed.add("keep");
    Flags flags = Flags.parse(args.toArray(new String[0]), allowed, List.of("dry-run"), 0);
    int keep = keep(flags.get("keep"));
    boolean dryRun = flags.has("dry-run");
    List<Path> studies = RunsCommand.studies(flags);
    boolean none = true;
    for (Path study : studies) {
      none &= RunFolder.list(study).isEmpty();
    }
    if (flags.has("name") && none) {
      // A mistyped study name must not pass for a study with nothing to remove.
      log.command("gc").info("no runs under " + RunsCommand.folder(flags));
      return Cli.BAD_STUDY;
    }
    for (Path study : studies) {
      for (RunFolder run : removable(RunFolder.list(study), keep)) {
        if (!dryRun) {
          delete(run.dir());
        }
        out.printf("%s %s (%s)%n", dryRun ? "would remove" : "removed", run.dir(), run.status());
      }
    }
    return Cli.OK;
  }

  /**
   * The runs to remove from one study's runs (oldest first): all but the {@code keep} newest and
   * LATEST.
   */
  static List<RunFolder> removable(List<RunFolder> runs, int keep) {
    List<RunFolder> old = runs.subList(0, Math.max(0, runs.size() - keep));
    return old.stream().filter(r -> !r.latest()).toList();
  }

  private static int keep(String value) {
    if (value == null) {
      throw new IllegalArgumentException(
          "--keep N is required: how many of the newest runs of each study to keep");
    }
    try {
      int keep = Integer.parseInt(value);
      if (keep >= 1) {
        return keep;
      }
    } catch (NumberFormatException e) {
      // Falls through to the message below, which says what is accepted.
    }
    throw new IllegalArgumentException(
        "--keep: '" + value + "' is not a whole number of at least 1");
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> inside = Files.walk(dir)) {
      for (Path p : inside.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
