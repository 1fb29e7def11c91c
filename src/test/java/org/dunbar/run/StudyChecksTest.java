package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study file is checked whole, values that would wrap included (issue 13, faults 1 and 4): exit 2 naming the key. */
class StudyChecksTest {
  @TempDir Path tmp;

  private String badStudy(String... args) {
    Dunbar result = Dunbar.run(args);
    assertEquals(Cli.BAD_STUDY, result.exitCode(), result.err());
    assertFalse(Files.exists(tmp.resolve("out")), "no output folder is created for a bad study");
    return result.err();
  }

  private String studyFile(String yaml) throws IOException {
    Path study = tmp.resolve("study.yaml");
    Files.writeString(study, yaml, StandardCharsets.UTF_8);
    return study.toString();
  }

  @Test
  void aSpanOfDaysThatWouldWrapMicrosecondsIsRefused() {
    assertEquals("dunbar: lookback_days: 2147483647 is more than 36525 days (100 years)\n",
        badStudy("run", "--events=" + tmp.resolve("e.jsonl"), "--output=" + tmp.resolve("out"), "--lookback-days=2147483647"));
    assertEquals("dunbar: churn_days: 36526 is more than 36525 days (100 years)\n",
        badStudy("run", "--events=" + tmp.resolve("e.jsonl"), "--output=" + tmp.resolve("out"), "--churn-days=36526"));
  }
}
