package org.dunbar.analysis;

import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.dunbar.records.CohortKey;
import org.dunbar.tables.Table;

/** The {@code acquisition_cohorts} table: banded follow counts summed per (band, month, reason). */
public final class AcquisitionCohorts extends PTransform<PCollection<KV<CohortKey, long[]>>, PCollection<GenericRecord>> {
  private final AudienceBands bands;

  public AcquisitionCohorts(AudienceBands bands) {
    this.bands = bands;
  }

  @Override
  public PCollection<GenericRecord> expand(PCollection<KV<CohortKey, long[]>> banded) {
    AudienceBands b = bands;
    return banded
        .apply("Sum per cohort", Combine.perKey(CohortMeasure.SUM))
        .apply("Cohort rows", MapElements.into(TypeDescriptor.of(GenericRecord.class)).via(kv -> row(b, kv)))
        .setCoder(Table.ACQUISITION_COHORTS.coder());
  }

  private static GenericRecord row(AudienceBands bands, KV<CohortKey, long[]> cohort) {
    CohortKey key = cohort.getKey();
    GenericRecordBuilder row = Table.ACQUISITION_COHORTS.row()
        .set("audience_band", bands.label(key.getBandOrder()))
        .set("band_order", key.getBandOrder())
        .set("acquisition_month", key.getAcquisitionMonth())
        .set("reason", key.getReason());
    for (CohortMeasure m : CohortMeasure.values()) {
      row.set(m.column(), cohort.getValue()[m.ordinal()]);
    }
    return row.build();
  }
}
