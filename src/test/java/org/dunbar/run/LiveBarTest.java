package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Progress on a terminal: one line redrawn in place. The rendering from given figures and widths,
 * and what a log writes around it; no real terminal is involved.
 */
class LiveBarTest {
  /** 1 MiB of 4 MiB, 50,000 records in 10 s: 5,000/s, 30 s to go. */
  private static final ProgressFigures QUARTER =
      new ProgressFigures(1L << 20, 4L << 20, 50_000, Duration.ofSeconds(10), null, 0, 8);

  private static final String QUARTER_WORDS =
      " 25.0 %  1.0 MiB/4.0 MiB  50,000 records  5,000/s  ETA 30 s";

  @Test
  void aWideTerminalGetsABarOfTheBytesReadThenTheFigures() {
    // 80 columns: 79 usable, the words take 59 and "[", "] " 3, so the bar has 30 cells (its most)
    // at 100 columns and 17 at 80; a quarter of 17 is 4 filled cells (4.25 rounded down).
    assertEquals(59, QUARTER_WORDS.length());
    assertEquals("[####" + " ".repeat(13) + "] " + QUARTER_WORDS, QUARTER.bar(80));
    assertEquals("[#######" + " ".repeat(23) + "] " + QUARTER_WORDS, QUARTER.bar(100));
  }

  @Test
  void aNarrowTerminalGetsTheFiguresCutAtItsWidth() {
    // 70 columns leave 69 - 59 - 3 = 7 cells, fewer than 10: no bar, and the words fit.
    assertEquals(QUARTER_WORDS, QUARTER.bar(70));
    assertEquals(QUARTER_WORDS.substring(0, 29), QUARTER.bar(30));
  }

  @Test
  void onceReadTheBarNamesTheStage() {
    ProgressFigures writing =
        new ProgressFigures(
            4L << 20, 4L << 20, 180_000, Duration.ofSeconds(95), Duration.ofSeconds(30), 3, 8);
    assertEquals(
        "read 180,000 records; writing tables 3 of 8, elapsed 1 min 35 s", writing.bar(80));
  }

  @Test
  void theBarIsRedrawnInPlaceAndOtherLinesClearItFirst() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StderrLog log =
        new StderrLog(
            new PrintStream(bytes, true, StandardCharsets.UTF_8), LogFormat.TEXT, () -> 70);
    ProgressFigures half =
        new ProgressFigures(2L << 20, 4L << 20, 100_000, Duration.ofSeconds(20), null, 0, 8);
    log.progress(QUARTER);
    log.progress(half);
    log.info("a line meanwhile");
    log.progress(half);
    log.progressOver();
    log.info("pipeline done");
    String halfWords = " 50.0 %  2.0 MiB/4.0 MiB  100,000 records  5,000/s  ETA 20 s";
    String blank = "\r" + " ".repeat(69) + "\r";
    assertEquals(
        "\r"
            + pad(QUARTER_WORDS)
            + "\r"
            + pad(halfWords)
            + blank
            + "dunbar: a line meanwhile\n"
            + "\r"
            + pad(halfWords)
            + "\n"
            + "dunbar: pipeline done\n",
        bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void withoutATerminalProgressIsTimestampedLines() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StderrLog log =
        new StderrLog(
            new PrintStream(bytes, true, StandardCharsets.UTF_8), LogFormat.TEXT, () -> 0);
    log.progress(QUARTER);
    log.progressOver();
    String line = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(
        line.matches(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ dunbar: reading 1\\.0 MiB of 4\\.0 MiB"
                + " \\(25\\.0 %\\), 50,000 records, 5,000 records/s, elapsed 10 s, ETA 30 s\n"),
        line);
  }

  /** Words padded to 69 columns, so a longer line drawn before leaves nothing behind. */
  private static String pad(String words) {
    return words + " ".repeat(69 - words.length());
  }
}
