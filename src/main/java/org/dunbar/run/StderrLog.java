package org.dunbar.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * dunbar's own lines on stderr, in the run's {@link LogFormat}. As text, for a person: {@code
 * dunbar: MESSAGE} ({@code dunbar COMMAND: MESSAGE} for a command's own errors), warnings as
 * {@code dunbar: warning: MESSAGE}, progress lines starting with their UTC time. As JSON, for a
 * log collector: one object per line with {@code timestamp} (ISO-8601, UTC, milliseconds), {@code
 * level} ({@code INFO}, {@code WARN}, {@code ERROR}), {@code logger} ({@code dunbar}), {@code
 * message} (the text line's words) and the line's figures as fields of their own: {@code event}
 * names the kind of line ({@code progress}, {@code published}, ...), a failure's stack trace is
 * {@code stack_trace}. Lines from the pipeline's libraries reach stderr through {@link JsonStderr}.
 */
final class StderrLog {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintStream err;
  private final LogFormat format;
  /** "dunbar", or "dunbar COMMAND" for a command's own errors. */
  private final String name;

  StderrLog(PrintStream err, LogFormat format) {
    this(err, format, "dunbar");
  }

  private StderrLog(PrintStream err, LogFormat format, String name) {
    this.err = err;
    this.format = format;
    this.name = name;
  }

  /** The same log for one command: its text lines start {@code dunbar COMMAND:}. */
  StderrLog command(String command) {
    return new StderrLog(err, format, "dunbar " + command);
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
    write("WARN", null, message, Map.of(), null);
  }

  /**
   * A failure's one line.
   *
   * @param trace the failure whose stack trace follows the line (--debug); null for none
   */
  void error(String message, Throwable trace) {
    write("ERROR", null, message, Map.of(), trace);
  }

  /** One progress report: a line starting with its UTC time, or a JSON object of its figures. */
  void progress(ProgressFigures figures) {
    if (format == LogFormat.JSON) {
      write("INFO", "progress", figures.text(), figures.fields(), null);
    } else {
      err.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + name + ": " + figures.text());
    }
  }

  private void write(String level, String event, String message, Map<String, ?> fields, Throwable trace) {
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
    err.println(name + ": " + (level.equals("WARN") ? "warning: " : "") + message);
    if (trace != null) {
      trace.printStackTrace(err);
    }
  }

  /** Fields in the order given, for a JSON line that reads as its text does: key, value, key, value... */
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
