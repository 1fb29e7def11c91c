package org.dunbar.run;

import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * Whether the process's stderr is a terminal, and its width: where progress may be one line redrawn
 * in place. {@code System.console()} answers for stdin and stdout only, and {@code dunbar run >
 * runs.txt} on a terminal, or {@code 2> run.log}, must be told apart; JLine's {@code exec} provider
 * asks the system ({@code test -t 2}, {@code stty}) without native code.
 */
final class StderrTerminal {
  /** Columns assumed when the terminal does not say. */
  static final int DEFAULT_WIDTH = 80;

  private StderrTerminal() {}

  /**
   * The width of the terminal stderr writes to, in columns; 0 when stderr is no terminal, is a
   * {@code dumb} one (TERM=dumb: Emacs shells, some CI logs), or cannot be asked.
   */
  static int width() {
    if ("dumb".equals(System.getenv("TERM"))) {
      return 0;
    }
    try {
      TerminalProvider exec = TerminalProvider.load("exec");
      if (!exec.isSystemStream(SystemStream.Error)) {
        return 0;
      }
      int width = exec.systemStreamWidth(SystemStream.Error);
      return width > 0 ? width : DEFAULT_WIDTH;
    } catch (Exception | LinkageError e) {
      // No way to ask (no `test` or `stty`, another OS): plain timestamped lines, which read
      // well anywhere, are the answer.
      return 0;
    }
  }
}
