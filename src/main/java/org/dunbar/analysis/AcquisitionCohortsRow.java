package org.dunbar.analysis;

import org.apache.avro.generic.GenericRecord;
import org.dunbar.records.CohortKey;
import org.dunbar.tables.Table;

/**
 * Builds one {@code acquisition_cohorts} row (audience band × acquisition month × reason; SPEC
 * "Table acquisition_cohorts") from the cohort's key and its summed {@link CohortMeasure} counts.
 */
final class AcquisitionCohortsRow {
  private AcquisitionCohortsRow() {}

  /**
   * @param c the cohort's counts, indexed by {@link CohortMeasure} ordinals
   */
  static GenericRecord of(AudienceBands bands, CohortKey key, long[] c) {
    return Table.ACQUISITION_COHORTS
        .row()
        .set("audience_band", bands.label(key.getBandOrder()))
        .set("band_order", key.getBandOrder())
        .set("acquisition_month", key.getAcquisitionMonth())
        .set("reason", key.getReason())
        .set("follows", c[CohortMeasure.FOLLOWS.ordinal()])
        .set("churned", c[CohortMeasure.CHURNED.ordinal()])
        .set("eligible_30d", c[CohortMeasure.ELIGIBLE_30D.ordinal()])
        .set("retained_30d", c[CohortMeasure.RETAINED_30D.ordinal()])
        .set("eligible_90d", c[CohortMeasure.ELIGIBLE_90D.ordinal()])
        .set("retained_90d", c[CohortMeasure.RETAINED_90D.ordinal()])
        .set("engaged_90d", c[CohortMeasure.ENGAGED_90D.ordinal()])
        .set("conversed_90d", c[CohortMeasure.CONVERSED_90D.ordinal()])
        .build();
  }
}
