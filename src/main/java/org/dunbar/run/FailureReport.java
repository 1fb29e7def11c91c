package org.dunbar.run;

import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;
import org.dunbar.analysis.SumOverflow;

/**
 * What a failure means for the person who started the run: one line (what happened, where, what to
 * do) and an exit code. Flink and Beam wrap a task's exception in several layers, so the cause
 * chain is searched for the faults that have an answer; anything else is named by its innermost
 * cause.
 *
 * @param exitCode the process exit code
 * @param line the message, without the {@code dunbar: } prefix and without a trailing newline
 * @param expected whether the failure is an answer in itself (bad study, bad data), so that a stack
 *     trace would add nothing
 */
record FailureReport(int exitCode, String line, boolean expected) {
  static final String NO_SPACE = "No space left on device";

  /**
   * @param output where the run writes, named when a full disk does not say which file it was
   *     writing
   */
  static FailureReport of(Throwable failure, Path output) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof RunFailure r) {
        return new FailureReport(r.exitCode(), r.getMessage(), true);
      }
      if (t instanceof StudyException s) {
        return new FailureReport(Cli.BAD_STUDY, s.getMessage(), true);
      }
      if (t instanceof SumOverflow s) {
        return new FailureReport(RunFailure.BAD_DATA, s.getMessage(), true);
      }
      if (t instanceof OutOfMemoryError) {
        return new FailureReport(
            Cli.FAILED,
            String.format(
                Locale.ROOT,
                "out of memory (%s) with a maximum heap of %,d MiB: give the JVM more (java -Xmx8g"
                    + " -jar dunbar.jar ...) or run with a lower --parallelism",
                firstClause(t.getMessage()),
                Runtime.getRuntime().maxMemory() >> 20),
            false);
      }
      if (t.getMessage() != null && t.getMessage().contains(NO_SPACE)) {
        String file = output.toString();
        // Wrappers repeat the message; the file is named only by the innermost FileSystemException.
        for (Throwable c = t; c != null; c = c.getCause()) {
          file = c instanceof FileSystemException f && f.getFile() != null ? f.getFile() : file;
        }
        return new FailureReport(
            Cli.FAILED,
            "no space left on device writing "
                + file
                + ": free space there or give another --output",
            false);
      }
    }
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return new FailureReport(
        Cli.FAILED,
        "failed: "
            + root.getClass().getSimpleName()
            + (root.getMessage() == null
                ? ""
                : ": " + root.getMessage().lines().findFirst().orElse("")),
        false);
  }

  /**
   * Flink's out-of-memory messages run to a paragraph of advice for its own settings: the gist is
   * enough.
   */
  private static String firstClause(String message) {
    if (message == null) {
      return "no detail";
    }
    int end = message.length();
    for (String stop : new String[] {" (", ". ", "\n"}) {
      int at = message.indexOf(stop);
      end = at >= 0 ? Math.min(end, at) : end;
    }
    return message.substring(0, end);
  }

  /**
   * Whether the run's files should be removed: a full disk must not be left full by the partial
   * run.
   */
  boolean freesSpace() {
    return line.startsWith("no space left on device");
  }
}
