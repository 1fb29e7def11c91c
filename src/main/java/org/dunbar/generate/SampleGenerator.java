package org.dunbar.generate;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.ZoneOffset;

/**
 * Generates a realistic, deterministic sample dump in the SPEC's canonical input formats, by
 * simulating accounts day by day. Nothing in it is a precomputed result: the behaviours the
 * analyses look for are planted as causes and effects, so finding them exercises the pipeline.
 *
 * <ul>
 *   <li>Zipf-distributed attractiveness gives heavy-tailed audiences: a few accounts with hundreds
 *       to thousands of followers, most with a handful.
 *   <li>Directed interactions (reply, mention, quote, message) are answered within hours to days,
 *       far more often by small accounts than by large ones, which mostly broadcast posts.
 *   <li>Pairs that talked both ways may become friends: one follows the other (a {@code
 *       conversation} follow), they keep talking and do not unfollow each other.
 *   <li>Someone reached out to without answering may follow the sender ({@code outreach}); likes
 *       and reshares make fans who follow later ({@code engaged}); follows are followed back,
 *       mostly by small accounts ({@code follow_back}).
 *   <li>One account (see {@link GeneratorSummary#burstAccount()}) gets a few hundred follows in one
 *       UTC day from strangers who then ignore it, about half leaving within weeks.
 *   <li>Churn bots follow dozens of accounts a day and unfollow each within a week.
 *   <li>A baseline graph that predates the dump, some of it unfollowed later; weekly snapshots of
 *       accounts outside the follow graph; snapshots of the largest accounts running slightly ahead
 *       of the replay.
 *   <li>A few duplicates (the same id-less line in two part files; an explicit event_id repeated,
 *       once with different contents) and one malformed line per rejection reason.
 * </ul>
 *
 * <p>Scale: about 1.8 events per account and day, so N accounts over D days give about 1.8·N·D
 * event lines (2,000 accounts over 120 days: about 435,000; 4,700 accounts over 120 days: about
 * 1,000,000, written in a few seconds). Memory holds the follow graph, each account's latest post
 * ids and the pending reactions, never the events.
 */
public final class SampleGenerator {
  private SampleGenerator() {}

  /**
   * Writes the dump under {@code outDir}: {@code events/part-00000.jsonl.gz …}, {@code
   * snapshots/snapshots.csv} and {@code baseline/edges.txt}, creating the directories.
   *
   * @throws IOException when writing fails, or when a file this run would not write is in the way
   */
  public static GeneratorSummary generate(GeneratorSettings settings, Path outDir)
      throws IOException {
    return generate(settings, outDir, OutputFormat.CANONICAL);
  }

  /**
   * Writes the dump with its events in {@code format}: the same settings simulate the same events
   * whatever the format, and the snapshots and baseline are the same but for the accounts' names,
   * which are those the events use ({@link OutputFormat#accountPrefix}).
   *
   * @throws IOException when writing fails, or when a file this run would not write is in the way
   */
  public static GeneratorSummary generate(
      GeneratorSettings settings, Path outDir, OutputFormat format) throws IOException {
    OutputLayout layout = OutputLayout.prepare(outDir, settings.files());
    Rng root = new Rng(settings.seed());
    Population population =
        Population.create(settings.accounts(), root.split(), format.accountPrefix());
    World world = World.create(population, settings.days());
    long baselineEdges;
    try (Writer baseline = layout.baseline()) {
      baselineEdges =
          Baseline.write(
              world,
              root.split(),
              settings.start().atStartOfDay(ZoneOffset.UTC).toInstant(),
              baseline);
    }
    EventEncoder encoder = format.encoder(population, root.split());
    Anomalies anomalies = new Anomalies(settings);
    try (Writer snapshotFile = layout.snapshots();
        DumpWriter dump =
            new DumpWriter(
                new EventFiles(layout.events(), settings.files(), settings.days()),
                encoder,
                anomalies,
                population,
                root.split())) {
      SnapshotLog snapshots = new SnapshotLog(world, root.split(), snapshotFile);
      new Simulation(settings, world, root.split(), dump, snapshots).run();
      return new GeneratorSummary(
          dump.lines(),
          dump.duplicates(),
          dump.conflicting(),
          dump.malformed(),
          snapshots.rows(),
          baselineEdges,
          population.name(world.burst().account()));
    }
  }
}
