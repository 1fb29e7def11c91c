package org.dunbar.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The imperfections a reader must handle, judged by the product's own readers. */
class PlantedAnomaliesTest {
  @TempDir static Path out;
  private static GeneratorSummary summary;
  private static DumpReader.Read read;

  @BeforeAll
  static void generate() throws IOException {
    summary = SampleGenerator.generate(new GeneratorSettings(600, 60, 5), out);
    read = DumpReader.events(out);
  }

  @Test
  void exactlyOneMalformedLinePerRejectionReason() {
    Map<String, Integer> reasons = new TreeMap<>();
    read.rejections().forEach(label -> reasons.merge(label, 1, Integer::sum));
    Map<String, Integer> expected = new TreeMap<>();
    for (String reason :
        List.of(
            "unparsable",
            "missing_field type",
            "unknown_type",
            "missing_field actor",
            "missing_field target",
            "missing_field ts",
            "bad_timestamp",
            "self_follow",
            "ts_out_of_range")) {
      expected.put(reason, 1);
    }
    assertEquals(expected, reasons);
    assertEquals(expected.size(), summary.malformedLines());
  }

  @Test
  void summaryCountsWhatIsOnDisk() throws IOException {
    assertEquals(summary.eventLines(), read.lines());
    assertEquals(summary.baselineEdges(), DumpReader.baseline(out).edges().size());
    assertEquals(summary.snapshotRows(), DumpReader.snapshots(out).snapshots().size());
    assertEquals(
        "account,ts,followers,following,posts",
        Files.readAllLines(out.resolve("snapshots/snapshots.csv")).get(0));
    long planted = summary.malformedLines() + summary.duplicateLines();
    assertTrue(planted * 100 < read.lines(), planted + " planted of " + read.lines());
  }
}
