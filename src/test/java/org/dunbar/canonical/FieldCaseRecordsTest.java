package org.dunbar.canonical;

import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.dunbar.analysis.DirectPipelines;
import org.dunbar.formats.TimeBounds;
import org.dunbar.records.Event;
import org.dunbar.records.InputFile;
import org.dunbar.run.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The line numbers of records read from {@code ../shared/field-cases} (issue 9): a record that
 * spans lines is numbered by the line where it starts. The study-level results of the same cases
 * are in {@code org.dunbar.run.FieldCasesTest}.
 */
class FieldCaseRecordsTest {
  private static final TimeBounds BOUNDS =
      new TimeBounds(Instant.parse("2000-01-01T00:00:00Z").getEpochSecond() * 1_000_000, null);

  /** ReadInputs on one field-case file, read in the given format. */
  private static PCollectionTuple read(Pipeline p, String relativePath, String format) {
    String file = SharedData.require("field-cases/" + relativePath).toString();
    return p.apply(
        new ReadInputs(
            List.of(new InputFile(file, "events", format, null, null, null, null, null, 0L)),
            BOUNDS));
  }

  @Test
  void anExcelCsvRecordIsNumberedByItsFirstLine() {
    Pipeline p = DirectPipelines.create();
    PCollectionTuple out = read(p, "csv-rfc4180/excel-export.csv", "canonical");
    // Line 1 the header; e2's quoted text holds a line break, so it is lines 3-4 and e3 is line 5.
    PAssert.that(
            ReadOutputs.events(out)
                .apply(
                    "Shown 1",
                    MapElements.into(TypeDescriptors.strings()).via(FieldCaseRecordsTest::shown)))
        .containsInAnyOrder(
            "e1 reply user_a>user_b @2",
            "e2 reply user_b>user_a @3",
            "e3 follow user_b>user_a @5",
            "e4 mention user_a>user_c @6");
    PAssert.that(out.get(ReadInputs.REJECTED)).empty();
    DirectPipelines.run(p);
  }

  @Test
  void eachElementOfAPrettyPrintedArrayIsNumberedByTheLineWhereItStarts() {
    Pipeline p = DirectPipelines.create();
    PCollectionTuple out = read(p, "twitter-v1-pretty-array/array-pretty.json", "twitter-v1");
    // The array opens on line 1; its three tweets start on lines 2, 40 and 78.
    PAssert.that(
            ReadOutputs.events(out)
                .apply(
                    "Shown 2",
                    MapElements.into(TypeDescriptors.strings()).via(FieldCaseRecordsTest::shown)))
        .containsInAnyOrder(
            "tweet:1370000000000000001:post post 5001>null @2",
            "tweet:1370000000000000002:reply reply 5002>5001 @40",
            "tweet:1370000000000000003:post post 5001>null @78",
            "tweet:1370000000000000003:mention:5002 mention 5001>5002 @78");
    PAssert.that(
            out.get(ReadInputs.SNAPSHOTS)
                .apply(
                    "Shown 3",
                    MapElements.into(TypeDescriptors.strings())
                        .via(s -> s.getAccount() + " @" + s.getLine())))
        .containsInAnyOrder("5001 @2", "5002 @40", "5001 @78");
    DirectPipelines.run(p);
  }

  private static String shown(Event e) {
    return e.getEventId()
        + " "
        + e.getType()
        + " "
        + e.getActor()
        + ">"
        + e.getTarget()
        + " @"
        + e.getLine();
  }
}
