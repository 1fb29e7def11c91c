package org.dunbar.run;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stderr for {@code --log-format=json}: what the pipeline's libraries write to {@code System.err}
 * (Beam's and Flink's warnings through slf4j-simple, a stray trace) becomes one JSON object per
 * line, as {@link StderrLog} writes dunbar's own. A slf4j-simple line ({@code TIME [THREAD] LEVEL
 * LOGGER - MESSAGE}) gives its level, logger and thread; the lines of a stack trace after it keep
 * its level and logger; any other line is {@code INFO} from logger {@code stderr}.
 */
final class JsonStderr extends OutputStream {
  private static final Pattern SIMPLE_LOGGER =
      Pattern.compile("\\S+ \\[([^\\]]*)\\] (TRACE|DEBUG|INFO|WARN|ERROR) (\\S+) - (.*)");

  /** A trace's lines: the exception (a qualified class name, its message), frames, causes. */
  private static final Pattern TRACE_LINE =
      Pattern.compile("([\\w$]+(\\.[\\w$]+)+(: .*)?|\\s+.*|Caused by: .*|Suppressed: .*)");

  private final PrintStream target;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private String level = "INFO";
  private String logger = "stderr";

  /**
   * @param target the real stderr, which receives the JSON lines
   */
  JsonStderr(PrintStream target) {
    this.target = target;
  }

  @Override
  public synchronized void write(int b) {
    if (b == '\n') {
      emit();
    } else {
      line.write(b);
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int off, int len) {
    for (int i = off; i < off + len; i++) {
      write(bytes[i]);
    }
  }

  /** Flushes what is whole: a line is written once its newline comes. */
  @Override
  public void flush() {
    target.flush();
  }

  /** Emits a last line that never got its newline. */
  @Override
  public synchronized void close() {
    if (line.size() > 0) {
      emit();
    }
    target.flush();
  }

  private void emit() {
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    if (text.isBlank()) {
      return;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
    Matcher m = SIMPLE_LOGGER.matcher(text);
    if (m.matches()) {
      level = m.group(2);
      logger = m.group(3);
      json.put("level", level);
      json.put("logger", logger);
      json.put("thread", m.group(1));
      json.put("message", m.group(4));
    } else {
      if (!TRACE_LINE.matcher(text).matches()) {
        level = "INFO";
        logger = "stderr";
      }
      json.put("level", level);
      json.put("logger", logger);
      json.put("message", text);
    }
    target.println(StderrLog.json(json));
  }
}
