package org.dunbar.run;

import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Max;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.dunbar.analysis.AccountTimelines;
import org.dunbar.analysis.ActivityMeasure;
import org.dunbar.analysis.AcquisitionCohorts;
import org.dunbar.analysis.AnalysisParams;
import org.dunbar.analysis.AttributeGrowth;
import org.dunbar.analysis.BurstRule;
import org.dunbar.analysis.DunbarCurve;
import org.dunbar.analysis.EngagementByCohort;
import org.dunbar.analysis.InteractionEdges;
import org.dunbar.analysis.NetworkLayers;
import org.dunbar.analysis.ReplayPairs;
import org.dunbar.analysis.SummarizeSnapshots;
import org.dunbar.analysis.GrowthMeasure;
import org.dunbar.analysis.Tally;
import org.dunbar.canonical.DeduplicateEvents;
import org.dunbar.canonical.LatestSnapshots;
import org.dunbar.canonical.ReadInputs;
import org.dunbar.canonical.ResolveTargets;
import org.dunbar.coders.RecordCoders;
import org.dunbar.privacy.ReleaseRows;
import org.dunbar.records.AccountPeriod;
import org.dunbar.records.FollowDay;
import org.dunbar.records.InputFile;
import org.dunbar.records.Rejected;
import org.dunbar.records.Snapshot;
import org.dunbar.records.SnapshotSummary;
import org.dunbar.tables.Table;
import org.dunbar.tables.WriteTable;

/**
 * The whole study as one Beam pipeline: inputs → canonical records → pair replay → per-account
 * timelines → tables, plus the run's tallies (the accounting the run checks before it publishes).
 */
public final class StudyPipeline {
  /** Where the run's tallies are written, under the run folder; removed once the manifest holds them. */
  public static final String TALLIES_DIR = "_tallies";

  private StudyPipeline() {}

  /**
   * Adds the study to the pipeline. Tables go under {@code runDir}; nothing is published here.
   *
   * @return the tables, by table
   */
  public static Map<Table, PCollection<GenericRecord>> build(Pipeline p, Study study, List<InputFile> files, String runDir) {
    AnalysisParams params = study.analysis();
    PCollectionTuple read = p.apply("Read inputs", new ReadInputs(files, study.timeBounds()));
    ReadInputs.writeFaults(read, runDir);
    PCollectionTuple deduplicated = read.get(ReadInputs.EVENTS).apply("Deduplicate events", new DeduplicateEvents());
    PCollectionTuple resolved = deduplicated.get(DeduplicateEvents.EVENTS).apply("Resolve targets", new ResolveTargets());
    PCollection<Snapshot> snapshots = read.get(ReadInputs.SNAPSHOTS).apply("Latest snapshots", new LatestSnapshots());
    CountDropWarnings.write(read.get(ReadInputs.SNAPSHOTS), files, runDir);
    PCollection<KV<String, String>> baseline = read.get(ReadInputs.EDGES)
        .apply("Baseline pairs", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
            .via(e -> KV.of(e.getFollower(), e.getFollowee())))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
        .apply("Distinct baseline edges", Distinct.create());
    PCollectionView<Long> lastEventTs = read.get(ReadInputs.LAST_EVENTS).apply("Last event", Max.longsGlobally().asSingletonView());

    PCollectionTuple pairs = resolved.get(ResolveTargets.EVENTS).apply("Replay pairs", new ReplayPairs(params, baseline));
    PCollectionTuple timelines = KeyedPCollectionTuple
        .of(AccountTimelines.GROWTH, byAccount("growth", pairs.get(ReplayPairs.GROWTH).apply("Sum growth", Combine.perKey(GrowthMeasure.SUM)), Tally.Coder.of()))
        .and(AccountTimelines.ACTIVITY, byAccount("activity", pairs.get(ReplayPairs.ACTIVITY).apply("Sum activity", Combine.perKey(ActivityMeasure.SUM)), Tally.Coder.of()))
        .and(AccountTimelines.ATTRIBUTED, pairs.get(ReplayPairs.FOLLOWS)
            .apply("Attribute growth", new AttributeGrowth(new BurstRule(params.burstMin(), params.burstFactor()), lastEventTs))
            .apply("Attributed by followee", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), new TypeDescriptor<KV<FollowDay, long[]>>() {}))
                .via(kv -> KV.of(kv.getKey().getAccount(), kv)))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(RecordCoders.followDay(), Tally.Coder.of()))))
        .and(AccountTimelines.SNAPSHOTS, byAccount("snapshots", snapshots.apply("Summarise snapshots", new SummarizeSnapshots(params.period())),
            AvroCoder.specific(SnapshotSummary.class)))
        .and(AccountTimelines.BASELINE_FOLLOWERS, baseline
            .apply("Baseline in-edges", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs())).via(e -> KV.of(e.getValue(), 1L)))
            .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
            .apply("Baseline followers", Sum.longsPerKey()))
        .apply("Account timelines", new AccountTimelines(params));

    PCollection<GenericRecord> engagement = timelines.get(AccountTimelines.ENGAGEMENT_ROWS);
    Map<Table, PCollection<GenericRecord>> tables = Map.of(
        Table.FOLLOWER_GROWTH, timelines.get(AccountTimelines.GROWTH_ROWS),
        Table.ACQUISITION_COHORTS, timelines.get(AccountTimelines.COHORTS).apply("Acquisition cohorts", new AcquisitionCohorts(params.bands())),
        Table.ACCOUNT_ENGAGEMENT, engagement,
        Table.ENGAGEMENT_BY_COHORT, engagement.apply("Engagement by cohort", new EngagementByCohort(params.bands())),
        Table.DUNBAR_CURVE, pairs.get(ReplayPairs.PARTNERS).apply("Dunbar curve", new DunbarCurve()),
        Table.INTERACTION_EDGES, pairs.get(ReplayPairs.EDGES).apply("Interaction edges", new InteractionEdges()),
        Table.NETWORK_LAYERS, pairs.apply("Network layers", new NetworkLayers()),
        Table.REJECTED, read.get(ReadInputs.REJECTED)
            .apply("Rejected rows", MapElements.into(TypeDescriptor.of(GenericRecord.class)).via((Rejected r) -> r))
            .setCoder(Table.REJECTED.coder()));
    // Pseudonyms and suppression at the last step, so the analyses above see real ids and counts.
    tables.forEach((table, rows) -> rows
        .apply(new ReleaseRows(table, study.pseudonymize(), study.minCell()))
        .apply(new WriteTable(table, runDir)));

    // Table rows are counted from the written files' footers by the run, not here: a count in the
    // pipeline would read every row a second time.
    PCollectionList
        .of(read.get(ReadInputs.TALLIES))
        .and(deduplicated.get(DeduplicateEvents.TALLIES))
        .and(resolved.get(ResolveTargets.TALLIES))
        .and(pairs.get(ReplayPairs.TALLIES))
        .and(count("snapshots.unique", snapshots))
        .and(count("baseline.unique", baseline))
        .apply("All tallies", Flatten.pCollections())
        .apply("Sum tallies", Sum.longsPerKey())
        .apply("Tally lines", MapElements.into(TypeDescriptors.strings()).via(kv -> kv.getKey() + "\t" + kv.getValue()))
        .apply("Write tallies", TextIO.write().to(runDir + "/" + TALLIES_DIR + "/tallies").withSuffix(".tsv").withoutSharding());
    return tables;
  }

  private static <T> PCollection<KV<String, Long>> count(String name, PCollection<T> items) {
    return items
        .apply("Count " + name, Count.globally())
        .apply("Name " + name, MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs())).via(n -> KV.of(name, n)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }

  private static <V> PCollection<KV<String, KV<Integer, V>>> byAccount(String what, PCollection<KV<AccountPeriod, V>> perPeriod, Coder<V> valueCoder) {
    return perPeriod
        .apply("Key " + what + " by account", MapElements
            .into(new TypeDescriptor<KV<String, KV<Integer, V>>>() {})
            .via(kv -> KV.of(kv.getKey().getAccount(), KV.of(kv.getKey().getPeriodStart(), kv.getValue()))))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(VarIntCoder.of(), valueCoder)));
  }
}
