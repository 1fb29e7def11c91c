package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The DirectRunner on more than a small input steers the user to embedded Flink (issue 13). */
class DirectRunnerAdviceTest {
  @Test
  void onlyInputsPastTheSmallLimitGetTheAdvice() {
    assertEquals(
        Optional.empty(), DirectRunnerAdvice.forInputOf(DirectRunnerAdvice.SMALL_INPUT_BYTES));
    assertEquals(
        Optional.of(
            "the direct runner is for tests and inputs of a few hundred events, and these inputs"
                + " hold 2,048 KiB: it may take hours; drop --runner=direct to run on embedded"
                + " Flink"),
        DirectRunnerAdvice.forInputOf(2 * 1024 * 1024));
  }
}
