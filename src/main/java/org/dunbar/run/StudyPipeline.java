package org.dunbar.run;

import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Max;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.dunbar.analysis.AccountNames;
import org.dunbar.analysis.AccountTimelines;
import org.dunbar.analysis.AcquisitionCohorts;
import org.dunbar.analysis.AnalysisParams;
import org.dunbar.analysis.DunbarCurve;
import org.dunbar.analysis.EngagementByCohort;
import org.dunbar.analysis.InteractionEdges;
import org.dunbar.analysis.NetworkLayers;
import org.dunbar.analysis.ReplayPairs;
import org.dunbar.canonical.BaselineEdges;
import org.dunbar.canonical.DeduplicateSnapshots;
import org.dunbar.canonical.ReadInputs;
import org.dunbar.canonical.RepeatedIds;
import org.dunbar.canonical.UniqueEvents;
import org.dunbar.privacy.ReleaseRows;
import org.dunbar.records.InputFile;
import org.dunbar.records.Snapshot;
import org.dunbar.tables.RejectedRow;
import org.dunbar.tables.Table;
import org.dunbar.tables.WriteTables;

/**
 * The whole study as one Beam pipeline: inputs → canonical records → pair replay → per-account
 * timelines → tables, plus the run's tallies (the accounting the run checks before it publishes).
 * Each line is one named composite; each composite owns its keys and coders.
 */
public final class StudyPipeline {
  private StudyPipeline() {}

  /**
   * Adds the study to the pipeline. Tables go under {@code runDir}; nothing is published here.
   *
   * @return the tables, by table
   */
  public static Map<Table, PCollection<GenericRecord>> build(
      Pipeline p, Study study, List<InputFile> files, String runDir) {
    AnalysisParams params = study.analysis();
    PCollectionTuple read = p.apply("Read inputs", new ReadInputs(files, study.timeBounds()));
    read.get(ReadInputs.FAULTS).apply("Write read faults", ReadInputs.writeFaults(runDir));
    PCollectionTuple events =
        read.apply("Unique events", new UniqueEvents(RepeatedIds.sizedFor(files)));
    PCollection<Snapshot> snapshots =
        read.get(ReadInputs.SNAPSHOTS).apply("Deduplicate snapshots", new DeduplicateSnapshots());
    PCollection<KV<String, String>> baseline =
        read.get(ReadInputs.EDGES).apply("Baseline edges", new BaselineEdges());
    CountDropWarnings.write(read.get(ReadInputs.SNAPSHOTS), files, runDir);
    PCollectionView<Long> lastEventTs =
        read.get(ReadInputs.LAST_EVENTS).apply("Last event", Max.longsGlobally().asSingletonView());
    PCollectionTuple pairs = events.apply("Replay pairs", new ReplayPairs(params, baseline));
    PCollectionTuple timelines =
        pairs.apply(
            "Account timelines", new AccountTimelines(params, lastEventTs, snapshots, baseline));

    PCollection<GenericRecord> engagement = timelines.get(AccountTimelines.ENGAGEMENT_ROWS);
    Map<Table, PCollection<GenericRecord>> tables =
        Map.of(
            Table.FOLLOWER_GROWTH, timelines.get(AccountTimelines.GROWTH_ROWS),
            Table.ACQUISITION_COHORTS,
                timelines
                    .get(AccountTimelines.COHORTS)
                    .apply("Acquisition cohorts", new AcquisitionCohorts(params.bands())),
            Table.ACCOUNT_ENGAGEMENT, engagement,
            Table.ENGAGEMENT_BY_COHORT,
                engagement.apply("Engagement by cohort", new EngagementByCohort(params.bands())),
            Table.DUNBAR_CURVE,
                pairs.get(ReplayPairs.PARTNERS).apply("Dunbar curve", new DunbarCurve()),
            Table.INTERACTION_EDGES,
                pairs.get(ReplayPairs.EDGES).apply("Interaction edges", new InteractionEdges()),
            Table.NETWORK_LAYERS, pairs.apply("Network layers", new NetworkLayers()),
            Table.ACCOUNTS, read.get(ReadInputs.NAMES).apply("Accounts", new AccountNames()),
            Table.REJECTED,
                read.get(ReadInputs.REJECTED).apply("Rejected rows", RejectedRow.rows()));
    // Pseudonyms and suppression at the last step, so the analyses above see real ids and counts.
    PCollectionTuple released = PCollectionTuple.empty(p);
    for (Map.Entry<Table, PCollection<GenericRecord>> table : tables.entrySet()) {
      released =
          released.and(
              WriteTables.rowsOf(table.getKey()),
              table
                  .getValue()
                  .apply(new ReleaseRows(table.getKey(), study.pseudonymize(), study.minCell())));
    }
    released.apply("Write tables", new WriteTables(runDir));

    // Table rows are counted from the written files' footers by the run, not here: a count in the
    // pipeline would read every row a second time.
    PCollectionList.of(read.get(ReadInputs.TALLIES))
        .and(events.get(UniqueEvents.TALLIES))
        .and(pairs.get(ReplayPairs.TALLIES))
        .and(snapshots.apply("Count unique snapshots", new CountAs<>("snapshots.unique")))
        .and(baseline.apply("Count baseline edges", new CountAs<>("baseline.unique")))
        .apply("Run tallies", new WriteTallies(runDir));
    return tables;
  }
}
