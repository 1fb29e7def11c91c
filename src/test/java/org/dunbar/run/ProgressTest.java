package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress on stderr: the line's wording from given counts, and real lines from Beam counters
 * polled out of a running embedded Flink job.
 */
class ProgressTest {
  private static final Pattern TIMESTAMP =
      Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ dunbar: ");

  @TempDir Path tmp;

  @Test
  void readingLineGivesBytesOfTotalRecordsRateElapsedAndEta() throws IOException {
    Files.createDirectories(tmp.resolve("follower_growth"));
    Files.writeString(tmp.resolve("follower_growth/part-0.parquet"), "");
    StderrLog log = new StderrLog(new PrintStream(new ByteArrayOutputStream()), LogFormat.TEXT);
    try (Progress progress = new Progress(log, 4L << 20, tmp, Duration.ofHours(1), () -> null)) {
      Instant start = progress.started();
      // 50,000 records in 10 s: 5,000/s; a quarter read in 10 s leaves 30 s for three quarters.
      assertEquals(
          "reading 1.0 MiB of 4.0 MiB (25.0 %), 50,000 records, 5,000 records/s, elapsed 10 s,"
              + " ETA 30 s",
          progress.figures(1L << 20, 50_000, start.plusSeconds(10)).text());
      // Read at 70 s; one table folder holds a finished file.
      assertEquals(
          "read 200,000 records in 1 min 10 s; computing and writing tables: 1 of "
              + org.dunbar.tables.Table.values().length
              + " written, elapsed 1 min 10 s",
          progress.figures(4L << 20, 200_000, start.plusSeconds(70)).text());
    }
  }

  @Test
  void anEmbeddedFlinkRunPrintsTimestampedProgressFromItsCounters() throws IOException {
    Path dump = HandMadeDump.write(tmp.resolve("dump"), null);
    Dunbar result;
    // Flink started by earlier tests of this JVM runs the job in seconds: poll often enough to see
    // it.
    StudyRun.progressInterval = Duration.ofMillis(200);
    try {
      result =
          Dunbar.run(
              "run",
              "--events=" + dump.resolve("events.jsonl"),
              "--output=" + tmp.resolve("out"),
              "--runner=flink",
              "--parallelism=1",
              "--max-rejected-fraction=1");
    } finally {
      StudyRun.progressInterval = Duration.ofSeconds(5);
    }
    result.published();
    List<String> progress = result.err().lines().filter(l -> TIMESTAMP.matcher(l).find()).toList();
    assertTrue(progress.size() >= 1, result.err());
    long records =
        Long.parseLong(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(result.published().resolve("_manifest.json").toFile())
                .path("accounting")
                .path("events")
                .path("read")
                .asText());
    // Every line is either still reading or done; once done, the records read are the run's.
    for (String line : progress) {
      assertTrue(
          line.contains(" dunbar: reading ")
              || line.contains(
                  String.format(java.util.Locale.ROOT, " dunbar: read %,d records in ", records)),
          line + "\n" + result.err());
    }
    assertEquals(
        0, result.err().lines().filter(l -> l.contains("Exception")).count(), result.err());
  }
}
