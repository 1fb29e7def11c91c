package org.dunbar.analysis;

import org.apache.avro.generic.GenericRecord;
import org.dunbar.tables.Table;

/**
 * Builds one {@code dunbar_curve} row (one k bucket; SPEC "Table dunbar_curve") from what {@link
 * DunbarCurve} works out for the bucket.
 */
final class DunbarCurveRow {
  private DunbarCurveRow() {}

  /**
   * @param kMax the bucket's largest k: 1, 2, 4, 8, …
   * @param accounts accounts with k in the bucket
   * @param meanW their mean w (directed interactions sent to reciprocal partners / k)
   * @param medianW their nearest-rank median w
   */
  static GenericRecord of(long kMax, long accounts, double meanW, double medianW) {
    return Table.DUNBAR_CURVE
        .row()
        .set("k_min", DunbarCurve.bucketMin(kMax))
        .set("k_max", kMax)
        .set("accounts", accounts)
        .set("mean_w", meanW)
        .set("median_w", medianW)
        .build();
  }
}
