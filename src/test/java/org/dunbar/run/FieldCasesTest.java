package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every case of {@code ../shared/field-cases} (issue 9) gives what its README says, read from
 * there: each test runs the command on the case's file(s) with default settings unless the README
 * names one.
 */
class FieldCasesTest {
  @TempDir Path out;

  @Test
  void twitterV1StreamNoticesAreSkippedByKindAndTheStreamPublishes() {
    Path stream = FieldCaseRun.file("twitter-v1-stream-notices/stream.jsonl");
    FieldCaseRun run = FieldCaseRun.run(out, "notices", "--events=" + stream, "--events-format=twitter-v1");

    assertEquals(0, run.result().exitCode(), run.result().err());
    assertTrue(run.published());
    JsonNode events = run.accounting("events");
    // 24 lines: 20 tweets (15 posts with one mention each, 5 replies) and 4 notices.
    assertEquals(List.of(24L, 20L, 0L, 4L), List.of(events.get("read").asLong(), events.get("accepted").asLong(),
        events.get("rejected").asLong(), events.get("skipped").asLong()));
    assertEquals("{\"delete\":1,\"limit\":1,\"scrub_geo\":1,\"status_withheld\":1}", events.get("skipped_by_kind").toString());
    // 15 posts + 15 mentions + 5 replies.
    assertEquals(35, events.get("unique").asLong());
    assertEquals(List.of("0"), Duck.rows("select count(*) from " + Duck.table(run.runDir(), "rejected")));
  }
}
