package org.dunbar.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * dunbar's own lines on stderr, in the run's {@link LogFormat}. As text, for a person: {@code
 * dunbar: MESSAGE} ({@code dunbar COMMAND: MESSAGE} for a command's own errors), warnings as {@code
 * dunbar: warning: MESSAGE}, progress lines starting with their UTC time, or, when stderr is a
 * terminal, one progress bar redrawn in place (carriage return) that other lines clear first and
 * that stays as it last was when the pipeline ends. As JSON, for a log collector: one object per
 * line with {@code timestamp} (ISO-8601, UTC, milliseconds), {@code level} ({@code INFO}, {@code
 * WARN}, {@code ERROR}), {@code logger} ({@code dunbar}), {@code message} (the text line's words)
 * and the line's figures as fields of their own: {@code event} names the kind of line ({@code
 * progress}, {@code published}, ...), a failure's stack trace is {@code stack_trace}. Lines from
 * the pipeline's libraries reach stderr through {@link JsonStderr}.
 */
final class StderrLog {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintStream err;
  private final LogFormat format;

  /** "dunbar", or "dunbar COMMAND" for a command's own errors. */
  private final String name;

  /** The width of the terminal stderr is, 0 for none; asked at the first progress report. */
  private final IntSupplier terminalWidth;

  private int width = -1;

  /** Whether the last thing written is a live bar without its newline. */
  private boolean barShown;

  /** A log that never draws a live bar (stderr taken for no terminal). */
  StderrLog(PrintStream err, LogFormat format) {
    this(err, format, () -> 0);
  }

  /**
   * @param terminalWidth the columns of the terminal stderr is, 0 when it is none
   */
  StderrLog(PrintStream err, LogFormat format, IntSupplier terminalWidth) {
    this(err, format, "dunbar", terminalWidth);
  }

  private StderrLog(PrintStream err, LogFormat format, String name, IntSupplier terminalWidth) {
    this.err = err;
    this.format = format;
    this.name = name;
    this.terminalWidth = terminalWidth;
  }

  /** The same log for one command: its text lines start {@code dunbar COMMAND:}. */
  StderrLog command(String command) {
    return new StderrLog(err, format, "dunbar " + command, terminalWidth);
  }

  LogFormat format() {
    return format;
  }

  void info(String message) {
    info(null, message, Map.of());
  }

  /**
   * An informational line with structured fields for JSON.
   *
   * @param event what kind of line it is, the JSON {@code event} field; null for none
   */
  void info(String event, String message, Map<String, ?> fields) {
    write("INFO", event, message, fields, null);
  }

  void warn(String message) {
    warn(null, message, Map.of());
  }

  /**
   * A warning with structured fields for JSON; {@code event} as for {@link #info(String, String,
   * Map)}.
   */
  void warn(String event, String message, Map<String, ?> fields) {
    write("WARN", event, message, fields, null);
  }

  /**
   * A failure's one line.
   *
   * @param trace the failure whose stack trace follows the line (--debug); null for none
   */
  void error(String message, Throwable trace) {
    write("ERROR", null, message, Map.of(), trace);
  }

  /**
   * One progress report: a JSON object of its figures, the live bar redrawn on a terminal, or a
   * line starting with its UTC time.
   */
  synchronized void progress(ProgressFigures figures) {
    if (format == LogFormat.JSON) {
      write("INFO", "progress", figures.text(), figures.fields(), null);
      return;
    }
    if (width < 0) {
      width = terminalWidth.getAsInt();
    }
    if (width == 0) {
      err.println(
          Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + name + ": " + figures.text());
      return;
    }
    String bar = figures.bar(width);
    err.print("\r" + bar + " ".repeat(width - 1 - bar.length()));
    err.flush();
    barShown = true;
  }

  /** Ends a live bar's line, as it last was, so that what follows starts on a line of its own. */
  synchronized void progressOver() {
    if (barShown) {
      err.println();
      barShown = false;
    }
  }

  private synchronized void write(
      String level, String event, String message, Map<String, ?> fields, Throwable trace) {
    if (format == LogFormat.JSON) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
      line.put("level", level);
      line.put("logger", name);
      line.put("message", message);
      if (event != null) {
        line.put("event", event);
      }
      line.putAll(fields);
      if (trace != null) {
        line.put("stack_trace", RunWatch.trace(trace));
      }
      err.println(json(line));
      return;
    }
    if (barShown) {
      // Blank the bar's line and write over it; the next report draws the bar below.
      err.print("\r" + " ".repeat(width - 1) + "\r");
      barShown = false;
    }
    err.println(name + ": " + (level.equals("WARN") ? "warning: " : "") + message);
    if (trace != null) {
      trace.printStackTrace(err);
    }
  }

  /**
   * Fields in the order given, for a JSON line that reads as its text does: key, value, key,
   * value...
   */
  static Map<String, Object> fields(Object... keysAndValues) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return fields;
  }

  static String json(Map<String, ?> line) {
    try {
      return JSON.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      // Maps of strings, numbers and lists of them always serialize.
      throw new UncheckedIOException(e);
    }
  }
}
