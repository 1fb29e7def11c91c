package org.dunbar.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.values.PCollection;
import org.dunbar.analysis.CountDrop;
import org.dunbar.analysis.CreatedCountDrops;
import org.dunbar.formats.twitter.SnapshotTime;
import org.dunbar.formats.twitter.TwitterV1Format;
import org.dunbar.formats.twitter.TwitterV2Format;
import org.dunbar.records.InputFile;
import org.dunbar.records.Snapshot;

/**
 * The run's warnings about follower counts dated at tweet creation that fall impossibly fast
 * ({@link CreatedCountDrops}): the pipeline writes one line per account under the run folder, and
 * the run prints them, at most {@value #SHOWN} accounts, before it checks the accounting.
 */
final class CountDropWarnings {
  /** Scratch folder under the run folder; removed with the tallies. */
  static final String DIR = "_count_drops";

  /** Accounts named one a line; the rest are counted. */
  static final int SHOWN = 10;

  private CountDropWarnings() {}

  /**
   * Adds the check when some Twitter input dates its counts at tweet creation; nothing otherwise.
   */
  static void write(PCollection<Snapshot> snapshots, List<InputFile> files, String runDir) {
    Set<String> created =
        files.stream()
            .filter(CountDropWarnings::datedCreated)
            .map(InputFile::getPath)
            .collect(Collectors.toSet());
    if (!created.isEmpty()) {
      snapshots
          .apply("Counts dated created that fall fast", new CreatedCountDrops(created))
          .apply(
              "Write count drops",
              TextIO.write()
                  .to(runDir + "/" + DIR + "/drops")
                  .withSuffix(".txt")
                  .withoutSharding());
    }
  }

  /**
   * Whether the file's snapshots are dated at tweet creation: given so, or by its format's default.
   */
  static boolean datedCreated(InputFile file) {
    SnapshotTime fallback =
        switch (file.getFormat()) {
          case "twitter-v1" -> TwitterV1Format.DEFAULT_SNAPSHOT_TIME;
          case "twitter-v2" -> TwitterV2Format.DEFAULT_SNAPSHOT_TIME;
          default -> null;
        };
    if (fallback == null) {
      return false;
    }
    String given = file.getSnapshotTime();
    return (given == null ? fallback : SnapshotTime.valueOf(given.toUpperCase(Locale.ROOT)))
        == SnapshotTime.CREATED;
  }

  /**
   * The warnings, one a line, accounts in id order; none when the check found nothing or did not
   * run. In a pseudonymized run one line counts the accounts and names none.
   */
  static List<String> read(Path runDir, boolean pseudonymized) throws IOException {
    Path dir = runDir.resolve(DIR);
    Set<String> drops = new TreeSet<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
          drops.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
      }
    }
    List<String> warnings = new ArrayList<>();
    if (pseudonymized && !drops.isEmpty()) {
      // A pseudonymized run publishes no account id, and its log is no exception.
      warnings.add(
          String.format(
              Locale.ROOT,
              "follower counts dated at tweet creation fall faster than %.0f %% a day for %,d"
                  + " accounts (ids withheld: the run is pseudonymized); were they retrieved later?"
                  + " give the input retrieved_at (docs/twitter.md)",
              100 * CountDrop.MAX_DAILY_LOSS,
              drops.size()));
      return warnings;
    }
    drops.stream()
        .limit(SHOWN)
        .forEach(
            drop ->
                warnings.add(
                    String.format(
                        Locale.ROOT,
                        "follower counts dated at tweet creation fall faster than %.0f %% a day:"
                            + " %s; were they retrieved later? give the input retrieved_at"
                            + " (docs/twitter.md)",
                        100 * CountDrop.MAX_DAILY_LOSS,
                        drop)));
    if (drops.size() > SHOWN) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "and %,d more accounts whose counts dated at tweet creation fall as fast",
              drops.size() - SHOWN));
    }
    return warnings;
  }
}
