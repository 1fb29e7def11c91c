package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Real-data tests skip where ../shared is absent, but never on CI. */
class SharedDataTest {
  @TempDir Path tmp;

  @Test
  void missingDataSkipsLocallyWithAMessageNamingThePath() {
    Path project = tmp.resolve("project");
    TestAbortedException skipped =
        assertThrows(
            TestAbortedException.class,
            () -> SharedData.require(project, "data/collegemsg/CollegeMsg.txt", false));
    assertTrue(
        skipped
            .getMessage()
            .contains(tmp.resolve("shared/data/collegemsg/CollegeMsg.txt").toString()),
        skipped.getMessage());
  }

  @Test
  void missingDataFailsOnCi() {
    AssertionFailedError failed =
        assertThrows(
            AssertionFailedError.class,
            () ->
                SharedData.require(tmp.resolve("project"), "data/collegemsg/CollegeMsg.txt", true));
    assertTrue(failed.getMessage().contains("CI must provide it"), failed.getMessage());
  }

  @Test
  void presentDataIsReturnedOnCiAndOff() throws IOException {
    Path file = Files.createDirectories(tmp.resolve("shared/data")).resolve("x.txt");
    Files.writeString(file, "1 2 3\n");
    for (boolean ci : new boolean[] {false, true}) {
      assertEquals(file, SharedData.require(tmp.resolve("project"), "data/x.txt", ci));
    }
  }
}
