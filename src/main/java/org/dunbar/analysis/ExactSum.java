package org.dunbar.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Addition that never wraps. A table's sum that does not fit in a long stops the run with {@link
 * SumOverflow}, naming the table and column, instead of publishing a negative total.
 */
public final class ExactSum {
  private ExactSum() {}

  public static long add(long a, long b, String table, String column) {
    long sum = a + b;
    // Overflow iff both operands have the sign opposite to the result's (Math.addExact's test).
    if (((a ^ sum) & (b ^ sum)) < 0) {
      throw new SumOverflow(table, column);
    }
    return sum;
  }

  /** The column names of a measure enum, in ordinal order: GAINED_BURST is gained_burst. */
  public static List<String> columns(Enum<?>[] measures) {
    return Arrays.stream(measures).map(m -> m.name().toLowerCase(Locale.ROOT)).toList();
  }
}
