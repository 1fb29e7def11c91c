package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code --log-format=json}: dunbar's lines, progress with its figures, and the libraries' slf4j
 * lines each become one JSON object per line; text stays as it was.
 */
class LogFormatTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private List<JsonNode> jsonLines() {
    return bytes
        .toString(StandardCharsets.UTF_8)
        .lines()
        .map(
            line -> {
              try {
                return JSON.readTree(line);
              } catch (IOException e) {
                throw new UncheckedIOException("not a JSON line: " + line, e);
              }
            })
        .toList();
  }

  @Test
  void theFlagIsTakenOutOfAnyCommandsArguments() {
    LogFormat.Taken taken =
        LogFormat.take(List.of("run", "s.yaml", "--log-format", "json", "--period=day"));
    assertEquals(LogFormat.JSON, taken.format());
    assertEquals(List.of("run", "s.yaml", "--period=day"), taken.args());
    assertEquals(LogFormat.TEXT, LogFormat.take(List.of("runs")).format());
    Dunbar bad = Dunbar.run("runs", "--log-format=xml");
    assertEquals(Cli.BAD_STUDY, bad.exitCode());
    assertEquals("dunbar: --log-format: 'xml' is not one of text, json\n", bad.err());
  }

  @Test
  void textLinesAreAsBefore() {
    StderrLog log = new StderrLog(err, LogFormat.TEXT);
    log.info("published", "published out/x", Map.of("run_dir", "out/x"));
    log.warn("the direct runner is slow");
    log.command("runs").error("no runs under out", null);
    assertEquals(
        "dunbar: published out/x\n"
            + "dunbar: warning: the direct runner is slow\n"
            + "dunbar runs: no runs under out\n",
        bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void jsonLinesCarryTimestampLevelMessageAndFields() {
    StderrLog log = new StderrLog(err, LogFormat.JSON);
    log.info("published", "published out/x", Map.of("run_dir", "out/x"));
    log.warn("the direct runner is slow");
    log.command("runs").error("no runs under out", new IllegalStateException("boom"));
    List<JsonNode> lines = jsonLines();
    assertEquals(3, lines.size());
    JsonNode published = lines.get(0);
    Instant.parse(published.get("timestamp").asText());
    assertEquals("INFO", published.get("level").asText());
    assertEquals("dunbar", published.get("logger").asText());
    assertEquals("published out/x", published.get("message").asText());
    assertEquals("published", published.get("event").asText());
    assertEquals("out/x", published.get("run_dir").asText());
    assertEquals("WARN", lines.get(1).get("level").asText());
    assertEquals("ERROR", lines.get(2).get("level").asText());
    assertEquals("dunbar runs", lines.get(2).get("logger").asText());
    assertTrue(
        lines
            .get(2)
            .get("stack_trace")
            .asText()
            .startsWith("java.lang.IllegalStateException: boom"),
        lines.get(2).toString());
  }

  @Test
  void progressInJsonHasItsFiguresAsFields() {
    StderrLog log = new StderrLog(err, LogFormat.JSON);
    // 1 MiB of 4 MiB in 10 s: 50,000 records / 10 s = 5,000 records/s; 3 MiB to go at 1 MiB per 10
    // s = 30 s.
    log.progress(
        new ProgressFigures(1L << 20, 4L << 20, 50_000, Duration.ofSeconds(10), null, 0, 8));
    // Read in 30 s (6,000 records/s over 180,000 records), 3 of 8 tables written at 95 s.
    log.progress(
        new ProgressFigures(
            4L << 20, 4L << 20, 180_000, Duration.ofSeconds(95), Duration.ofSeconds(30), 3, 8));
    JsonNode reading = jsonLines().get(0);
    assertEquals("progress", reading.get("event").asText());
    assertEquals("reading", reading.get("stage").asText());
    assertEquals(1L << 20, reading.get("bytes_read").asLong());
    assertEquals(4L << 20, reading.get("bytes_total").asLong());
    assertEquals(50_000, reading.get("records").asLong());
    assertEquals(5_000, reading.get("records_per_second").asLong());
    assertEquals(10, reading.get("elapsed_seconds").asLong());
    assertEquals(30, reading.get("eta_seconds").asLong());
    assertEquals(
        "reading 1.0 MiB of 4.0 MiB (25.0 %), 50,000 records, 5,000 records/s, elapsed 10 s, ETA 30"
            + " s",
        reading.get("message").asText());
    JsonNode writing = jsonLines().get(1);
    assertEquals("writing_tables", writing.get("stage").asText());
    assertEquals(6_000, writing.get("records_per_second").asLong());
    assertEquals(30, writing.get("reading_seconds").asLong());
    assertEquals(3, writing.get("tables_written").asLong());
    assertEquals(8, writing.get("tables_total").asLong());
    assertTrue(writing.get("eta_seconds") == null, writing.toString());
  }

  @Test
  void beforeTheFirstByteTheEtaIsNull() {
    new StderrLog(err, LogFormat.JSON)
        .progress(new ProgressFigures(0, 100, 0, Duration.ofSeconds(3), null, 0, 8));
    assertTrue(jsonLines().get(0).get("eta_seconds").isNull());
  }

  @Test
  void theLibrariesSlf4jLinesAndTheirTracesBecomeJson() {
    PrintStream system = System.err;
    System.setErr(new PrintStream(new JsonStderr(err), true, StandardCharsets.UTF_8));
    try {
      LoggerFactory.getLogger("org.dunbar.LogFormatTest")
          .warn("disk almost full", new IllegalStateException("96 %"));
      System.err.println("a line of no logger");
    } finally {
      System.err.close();
      System.setErr(system);
    }
    List<JsonNode> lines = jsonLines();
    JsonNode warning = lines.get(0);
    assertEquals("WARN", warning.get("level").asText());
    assertEquals("org.dunbar.LogFormatTest", warning.get("logger").asText());
    assertEquals("disk almost full", warning.get("message").asText());
    Instant.parse(warning.get("timestamp").asText());
    // The trace's lines keep the warning's level and logger.
    assertEquals("java.lang.IllegalStateException: 96 %", lines.get(1).get("message").asText());
    assertEquals("WARN", lines.get(2).get("level").asText());
    assertTrue(lines.get(2).get("message").asText().startsWith("\tat "), lines.get(2).toString());
    JsonNode plain = lines.get(lines.size() - 1);
    assertEquals("INFO", plain.get("level").asText());
    assertEquals("stderr", plain.get("logger").asText());
    assertEquals("a line of no logger", plain.get("message").asText());
  }

  @Test
  void aJsonRunWritesOnlyJsonLinesEndingWithThePublishedOne() throws IOException {
    Path dump = HandMadeDump.write(tmp.resolve("dump"), null);
    Dunbar result =
        Dunbar.run(
            "run",
            "--events=" + dump.resolve("events.jsonl"),
            "--output=" + tmp.resolve("out"),
            "--runner=direct",
            "--max-rejected-fraction=1",
            "--log-format=json");
    Path published = result.published();
    bytes.writeBytes(result.err().getBytes(StandardCharsets.UTF_8));
    List<JsonNode> lines = jsonLines();
    assertEquals("started", lines.get(0).get("event").asText(), result.err());
    JsonNode last = lines.get(lines.size() - 1);
    assertEquals("published", last.get("event").asText(), result.err());
    assertEquals(published.toString(), last.get("run_dir").asText());
    JsonNode events =
        JSON.readTree(published.resolve("_manifest.json").toFile())
            .path("accounting")
            .path("events");
    assertEquals(events.path("read").asLong(), last.get("records_read").asLong());
    assertEquals(events.path("events").asLong(), last.get("events_mapped").asLong());
    assertEquals(events.path("unique").asLong(), last.get("events_unique").asLong());
  }
}
