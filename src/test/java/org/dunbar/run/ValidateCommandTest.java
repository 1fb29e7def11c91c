package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dunbar validate} reads the inputs through the run's own reading code and prints what a run
 * would count, without a pipeline and without writing anything.
 */
class ValidateCommandTest {
  @TempDir Path tmp;
  private Path events;

  @BeforeEach
  void writeInputs() throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      lines
          .append("{\"type\":\"reply\",\"actor\":\"a")
          .append(i % 7)
          .append("\",\"target\":\"b\",\"ts\":\"2024-01-01T00:00:00Z\"}\n");
    }
    lines.append("not json\n");
    lines.append("{\"type\":\"follow\",\"actor\":\"a\",\"target\":\"b\",\"ts\":\"yesterday\"}\n");
    Files.createDirectories(tmp.resolve("in"));
    events = tmp.resolve("in/events.jsonl");
    Files.writeString(events, lines, StandardCharsets.UTF_8);
    try (OutputStream gz =
        new GZIPOutputStream(Files.newOutputStream(tmp.resolve("in/more.jsonl.gz")))) {
      gz.write(lines.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void fullValidationPrintsTheAccountingARunWouldHave() {
    Dunbar result =
        Dunbar.run(
            "validate",
            "--events=" + tmp.resolve("in/*"),
            "--max-rejected-fraction=0.05",
            "--full",
            "--output=" + tmp.resolve("out"));
    assertEquals(Cli.OK, result.exitCode(), result.out() + result.err());
    String out = result.out();
    assertTrue(out.contains("2 input files, every line read (--full)"), out);
    assertTrue(out.contains("events: read 404 = accepted 400 + rejected 4 + skipped 0"), out);
    assertTrue(out.contains("events by type: reply 400"), out);
    assertTrue(out.contains("rejected by reason: bad_timestamp 2, unparsable 2"), out);
    assertTrue(out.contains("first unparsable records:\n    " + events + ":201  "), out);
    assertTrue(out.contains("about 404 records and 400 events"), out);
    assertTrue(out.contains("verdict: a run would pass the input checks"), out);
    assertTrue(
        out.lines()
            .anyMatch(
                l ->
                    l.matches(
                        " +events +canonical .*more\\.jsonl\\.gz: 202 records read \\(100\\.0 % of"
                            + " the file\\)")),
        out);
    assertFalse(Files.exists(tmp.resolve("out")), "validate writes nothing");
  }

  @Test
  void aSampleReadsTheFirstLinesAndEstimatesTheRest() {
    Dunbar result = Dunbar.run("validate", "--events=" + events, "--sample-lines", "101");
    String out = result.out();
    assertEquals(Cli.OK, result.exitCode(), out + result.err());
    assertTrue(out.contains("the first 101 lines of each file read"), out);
    assertTrue(out.contains("events: read 101 = accepted 101 + rejected 0"), out);
    // 101 of 202 lines of about the same length: about half the file, so about twice the records.
    assertTrue(out.matches("(?s).*about (19[0-9]|20[0-9]|21[0-9]) records.*"), out);
  }

  @Test
  void tooManyRejectedExitsFourAsARunWould() {
    Dunbar result = Dunbar.run("validate", "--events=" + events, "--max-rejected-fraction=0.001");
    assertEquals(RunFailure.BAD_DATA, result.exitCode(), result.out());
    assertTrue(
        result.out().contains("verdict: a run would not be published: 2 of 202 records rejected"),
        result.out());
  }

  @Test
  void noMatchingInputExitsThreeAndABadFlagTwo() {
    Dunbar none = Dunbar.run("validate", "--events=" + tmp.resolve("nowhere/*.jsonl"));
    assertEquals(RunFailure.NO_INPUT, none.exitCode(), none.err());
    Dunbar bad = Dunbar.run("validate", "--events=" + events, "--sample-lines=0");
    assertEquals(Cli.BAD_STUDY, bad.exitCode(), bad.err());
    assertEquals("dunbar: --sample-lines: '0' is not a whole number of at least 1\n", bad.err());
  }
}
