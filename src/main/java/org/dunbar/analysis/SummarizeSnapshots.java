package org.dunbar.analysis;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.dunbar.coders.RecordCoders;
import org.dunbar.records.AccountPeriod;
import org.dunbar.records.Snapshot;
import org.dunbar.records.SnapshotSummary;

/**
 * The first and last snapshot of each account in each period. Counts at period starts need no more,
 * so an account snapshotted in every one of its million tweets still yields one summary a period.
 */
public final class SummarizeSnapshots
    extends PTransform<PCollection<Snapshot>, PCollection<KV<AccountPeriod, SnapshotSummary>>> {
  private final PeriodUnit period;

  public SummarizeSnapshots(PeriodUnit period) {
    this.period = period;
  }

  @Override
  public PCollection<KV<AccountPeriod, SnapshotSummary>> expand(PCollection<Snapshot> snapshots) {
    PeriodUnit unit = period;
    return snapshots
        .apply(
            "One-snapshot summaries",
            MapElements.into(
                    TypeDescriptors.kvs(
                        TypeDescriptor.of(AccountPeriod.class),
                        TypeDescriptor.of(SnapshotSummary.class)))
                .via(
                    s ->
                        KV.of(
                            new AccountPeriod(s.getAccount(), unit.startOf(s.getTs())),
                            new SnapshotSummary(
                                s.getTs(), s.getFollowers(), s.getTs(), s.getFollowers()))))
        .setCoder(KvCoder.of(RecordCoders.accountPeriod(), RecordCoders.snapshotSummary()))
        .apply(
            "First and last",
            Combine.perKey(
                new Combine.BinaryCombineFn<SnapshotSummary>() {
                  @Override
                  public SnapshotSummary apply(SnapshotSummary a, SnapshotSummary b) {
                    SnapshotSummary first = a.getFirstTs() <= b.getFirstTs() ? a : b;
                    SnapshotSummary last = a.getLastTs() >= b.getLastTs() ? a : b;
                    return new SnapshotSummary(
                        first.getFirstTs(),
                        first.getFirstFollowers(),
                        last.getLastTs(),
                        last.getLastFollowers());
                  }
                }));
  }
}
