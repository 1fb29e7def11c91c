package org.dunbar.run;

import java.util.Locale;
import java.util.Optional;

/**
 * Beam's DirectRunner costs grow with the number of keys: 600 events took minutes, 3,500 did not
 * finish in 18 (issue 13). It stays for tests and tiny inputs; past that the run says so at once,
 * instead of appearing to hang.
 */
final class DirectRunnerAdvice {
  /** About a thousand canonical events. */
  static final long SMALL_INPUT_BYTES = 128 * 1024;

  private DirectRunnerAdvice() {}

  static Optional<String> forInputOf(long bytes) {
    if (bytes <= SMALL_INPUT_BYTES) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "the direct runner is for tests and inputs of a few hundred events, and these inputs"
                + " hold %,d KiB: it may take hours; drop --runner=direct to run on embedded Flink",
            bytes / 1024));
  }
}
