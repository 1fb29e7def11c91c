package org.dunbar.analysis;

import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.dunbar.records.CohortKey;
import org.dunbar.tables.Table;

/** The {@code acquisition_cohorts} table: banded follow counts summed per (band, month, reason). */
public final class AcquisitionCohorts
    extends PTransform<PCollection<KV<CohortKey, long[]>>, PCollection<GenericRecord>> {
  private final AudienceBands bands;

  public AcquisitionCohorts(AudienceBands bands) {
    this.bands = bands;
  }

  @Override
  public PCollection<GenericRecord> expand(PCollection<KV<CohortKey, long[]>> banded) {
    AudienceBands b = bands;
    return banded
        .apply("Sum per cohort", Combine.perKey(CohortMeasure.SUM))
        .apply(
            "Cohort rows",
            MapElements.into(TypeDescriptor.of(GenericRecord.class))
                .via(kv -> AcquisitionCohortsRow.of(b, kv.getKey(), kv.getValue())))
        .setCoder(Table.ACQUISITION_COHORTS.coder());
  }
}
