package org.dunbar.run;

import java.nio.file.Path;

/**
 * A run that failed after its folder was made, already recorded there; {@link Cli} prints its line.
 */
final class RunAborted extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient FailureReport report;
  private final transient Path log;
  private final transient Path runDir;

  /**
   * @param log the trace file in the run folder, or null when none was written
   */
  RunAborted(FailureReport report, Path log, Path runDir, Throwable cause) {
    super(report.line(), cause);
    this.report = report;
    this.log = log;
    this.runDir = runDir;
  }

  FailureReport report() {
    return report;
  }

  /** The one line for stderr: the report, and where its trace or its folder is. */
  String line() {
    if (report.expected()) {
      return report.line();
    }
    return report.line()
        + (log != null
            ? "; the stack trace is in " + log
            : "; " + runDir + " has no manifest: it is incomplete, delete it");
  }
}
