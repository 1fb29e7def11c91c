package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Real-data tests skip where ../shared is missing, but never on CI, where they would pass vacuously. */
class SharedDataTest {
  @Test
  void aMissingFileSkipsOutsideCiAndFailsOnCi() {
    Class<? extends Throwable> expected = "true".equals(System.getenv("CI")) ? AssertionFailedError.class : TestAbortedException.class;
    assertThrows(expected, () -> SharedData.require("data/no-such-file"));
  }

  @Test
  void aPresentFileIsResolvedBesideTheProject() {
    Path readme = SharedData.require("data/README.md");
    assertEquals(Path.of("..", "shared", "data", "README.md"), readme);
  }
}
