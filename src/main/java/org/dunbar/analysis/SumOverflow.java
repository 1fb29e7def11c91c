package org.dunbar.analysis;

/** A table's sum that is larger than a 64-bit integer holds; the run fails rather than wrap. */
public final class SumOverflow extends ArithmeticException {
  private static final long serialVersionUID = 1L;

  public SumOverflow(String table, String column) {
    super(
        "a sum in "
            + table
            + "."
            + column
            + " exceeds "
            + Long.MAX_VALUE
            + " (the largest 64-bit integer): check the input counts that feed it");
  }
}
