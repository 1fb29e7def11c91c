package org.dunbar.run;

import java.util.List;

/**
 * How dunbar writes to stderr ({@code --log-format}): {@code text} for a person (the default), or
 * {@code json}, one JSON object per line, for log collectors.
 */
enum LogFormat {
  TEXT,
  JSON;

  static final String FLAG = "--log-format";

  /** A command's arguments with the log format taken out; the format applies to any command. */
  record Taken(LogFormat format, List<String> args) {}

  /**
   * Takes {@code --log-format F} or {@code --log-format=F} out of the arguments; text when absent.
   *
   * @throws StudyException naming the flag when it has no value or the value is neither format
   */
  static Taken take(List<String> args) {
    TakenFlag taken = TakenFlag.take(args, FLAG);
    return new Taken(taken.value() == null ? TEXT : parse(taken.value()), taken.rest());
  }

  private static LogFormat parse(String value) {
    return switch (value) {
      case "text" -> TEXT;
      case "json" -> JSON;
      default -> throw new StudyException(FLAG, "'" + value + "' is not one of text, json");
    };
  }
}
