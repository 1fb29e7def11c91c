package org.dunbar.run;

import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The run's tallies (the accounting of SPEC "Accounting": records read, rejected by reason, events
 * unique, duplicates, unresolved by type, ...), summed per name and written as one {@code
 * name<TAB>count} file under {@value #DIR} in the run folder, which {@link StudyRun} checks and
 * folds into the manifest before it publishes.
 */
final class WriteTallies extends PTransform<PCollectionList<KV<String, Long>>, PDone> {
  /**
   * Where the run's tallies are written, under the run folder; removed once the manifest holds
   * them.
   */
  static final String DIR = "_tallies";

  private final String runDir;

  WriteTallies(String runDir) {
    this.runDir = runDir;
  }

  @Override
  public PDone expand(PCollectionList<KV<String, Long>> tallies) {
    return tallies
        .apply("All tallies", Flatten.pCollections())
        .apply("Sum tallies", Sum.longsPerKey())
        .apply(
            "Tally lines",
            MapElements.into(TypeDescriptors.strings())
                .via(kv -> kv.getKey() + "\t" + kv.getValue()))
        .apply(
            "Write tallies",
            TextIO.write()
                .to(runDir + "/" + DIR + "/tallies")
                .withSuffix(".tsv")
                .withoutSharding());
  }
}
