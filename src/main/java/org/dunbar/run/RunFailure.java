package org.dunbar.run;

/** A run that must stop with a specific exit code and a message for the person who started it. */
public final class RunFailure extends RuntimeException {
  public static final int NO_INPUT = 3;
  public static final int BAD_DATA = 4;

  private final int exitCode;

  public RunFailure(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
