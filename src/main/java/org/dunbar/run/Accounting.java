package org.dunbar.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.dunbar.canonical.ResolveTargets;

/**
 * The run's record accounting, from the tallies the pipeline wrote, and the checks that must hold
 * before a run may be published (SPEC "Accounting").
 */
public final class Accounting {
  /** How many rejection reasons a failed run's message names, most frequent first. */
  private static final int SHOWN_REASONS = 3;

  private final Map<String, Long> tallies;

  public Accounting(Map<String, Long> tallies) {
    this.tallies = new TreeMap<>(tallies);
  }

  public long get(String name) {
    return tallies.getOrDefault(name, 0L);
  }

  /** Every way the counts fail to balance; empty when they do. */
  public List<String> imbalances() {
    List<String> problems = new ArrayList<>();
    for (String kind : Study.KINDS) {
      balance(
          problems,
          kind + ".read",
          get(kind + ".read"),
          kind + ".accepted + " + kind + ".rejected + " + kind + ".skipped",
          get(kind + ".accepted") + get(kind + ".rejected") + skipped(kind));
    }
    balance(
        problems,
        "emitted.events",
        get("emitted.events"),
        "events.unique + events.duplicates + events.unresolved_target",
        get("events.unique") + get("events.duplicates") + unresolvedTargetCount());
    long rejected = Study.KINDS.stream().mapToLong(k -> get(k + ".rejected")).sum();
    balance(
        problems, "rows.rejected", get("rows.rejected"), "rejected records of all kinds", rejected);
    if (get("snapshots.unique") > get("emitted.snapshots")) {
      problems.add(
          "snapshots.unique "
              + get("snapshots.unique")
              + " exceeds the snapshots read "
              + get("emitted.snapshots"));
    }
    if (get("baseline.unique") > get("emitted.baseline")) {
      problems.add(
          "baseline.unique "
              + get("baseline.unique")
              + " exceeds the baseline edges read "
              + get("emitted.baseline"));
    }
    return problems;
  }

  /**
   * Skipped records of an input kind (valid input that is no interaction), by what they are, e.g.
   * {@code delete -> 3}; from the tallies {@code <kind>.skipped.<what>}.
   */
  public Map<String, Long> skippedByKind(String kind) {
    return withPrefix(kind + ".skipped.");
  }

  /** All skipped records of an input kind. */
  public long skipped(String kind) {
    return sum(skippedByKind(kind));
  }

  /**
   * Distinct events dropped because no record identifies their target, by event type, e.g. {@code
   * quote -> 2}; from the tallies {@code events.unresolved_target.<type>} of the target resolution
   * (SPEC "Targets resolved from the parent post"). They are events, not records: the record that
   * made one stays accepted, with its other events and its snapshots.
   */
  public Map<String, Long> unresolvedTargets() {
    return withPrefix(ResolveTargets.UNRESOLVED);
  }

  /** All events dropped for an unresolved target. */
  public long unresolvedTargetCount() {
    return sum(unresolvedTargets());
  }

  private static long sum(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  private static void balance(List<String> problems, String left, long l, String right, long r) {
    if (l != r) {
      problems.add(left + " = " + l + " but " + right + " = " + r);
    }
  }

  /**
   * Rejected records over records read (skipped ones included, SPEC "Accounting"), of all kinds; 0
   * when nothing was read.
   */
  public double rejectedFraction() {
    return fraction(total(".rejected"), total(".read"));
  }

  /**
   * Rejected bytes over the bytes of the records read, of all kinds; 0 when nothing was read. One
   * rejected line can hold hundreds of records (an API page), so its loss shows here even when it
   * is one record of many.
   */
  public double rejectedByteFraction() {
    return fraction(total(".bytes_rejected"), total(".bytes_read"));
  }

  /**
   * Rejections of an input kind by label ({@code missing_field actor}, {@code bad_timestamp}, ...),
   * from the tallies {@code <kind>.rejected_by.<label>}.
   */
  public Map<String, Long> rejectedByLabel(String kind) {
    return withPrefix(kind + ".rejected_by.");
  }

  /**
   * Why the run must not be published for what it rejected, or empty when both shares are within
   * {@code maxFraction}: e.g. "412 of 20,000 records rejected (2.1 %) and 9,120 of 1,000,000 bytes
   * (0.91 %), over max_rejected_fraction 0.01: 390 missing_field actor, 22 bad_timestamp".
   */
  public Optional<String> rejectionProblem(double maxFraction) {
    if (rejectedFraction() <= maxFraction && rejectedByteFraction() <= maxFraction) {
      return Optional.empty();
    }
    Map<String, Long> byLabel = new TreeMap<>();
    Study.KINDS.forEach(
        kind -> rejectedByLabel(kind).forEach((label, n) -> byLabel.merge(label, n, Long::sum)));
    List<Map.Entry<String, Long>> dominant = new ArrayList<>(byLabel.entrySet());
    dominant.sort(
        Map.Entry.<String, Long>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    List<String> named =
        dominant.stream()
            .limit(SHOWN_REASONS)
            .map(e -> count(e.getValue()) + " " + e.getKey())
            .toList();
    String reasons = String.join(", ", named);
    if (dominant.size() > SHOWN_REASONS) {
      long others = dominant.stream().skip(SHOWN_REASONS).mapToLong(Map.Entry::getValue).sum();
      int rest = dominant.size() - SHOWN_REASONS;
      reasons +=
          " and "
              + count(others)
              + " more ("
              + rest
              + (rest == 1 ? " other reason)" : " other reasons)");
    }
    return Optional.of(
        count(total(".rejected"))
            + " of "
            + count(total(".read"))
            + " records rejected ("
            + percent(rejectedFraction())
            + ") and "
            + count(total(".bytes_rejected"))
            + " of "
            + count(total(".bytes_read"))
            + " bytes ("
            + percent(rejectedByteFraction())
            + "), over max_rejected_fraction "
            + maxFraction
            + (reasons.isEmpty() ? "" : ": " + reasons));
  }

  /** Both rejected shares in words, for the summary line: "0.12 % of records, 0.40 % of bytes". */
  public String rejectedShares() {
    return percent(rejectedFraction())
        + " of records, "
        + percent(rejectedByteFraction())
        + " of bytes";
  }

  /**
   * A count summed over the input kinds, e.g. {@code total(".read")}: records of every kind read.
   */
  public long total(String suffix) {
    return Study.KINDS.stream().mapToLong(k -> get(k + suffix)).sum();
  }

  /** Skipped records of every input kind. */
  public long skippedRecords() {
    return sum(skippedByWhat());
  }

  /** Skipped records of every input kind, by what they are, e.g. {@code identity -> 2}. */
  public Map<String, Long> skippedByWhat() {
    Map<String, Long> byWhat = new TreeMap<>();
    Study.KINDS.forEach(
        kind -> skippedByKind(kind).forEach((what, n) -> byWhat.merge(what, n, Long::sum)));
    return byWhat;
  }

  private Map<String, Long> withPrefix(String prefix) {
    Map<String, Long> found = new TreeMap<>();
    tallies.forEach(
        (name, value) -> {
          if (name.startsWith(prefix)) {
            found.put(name.substring(prefix.length()), value);
          }
        });
    return found;
  }

  private static double fraction(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** One decimal, or two below 1 % so that a small share does not read as 0.0. */
  private static String percent(double fraction) {
    double percent = 100 * fraction;
    return String.format(Locale.ROOT, percent < 1 ? "%.2f %%" : "%.1f %%", percent);
  }

  /** The accounting as the manifest shows it: per kind, then the table row counts. */
  public Map<String, Object> toManifest() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String kind : Study.KINDS) {
      Map<String, Object> counts = new LinkedHashMap<>();
      counts.put("read", get(kind + ".read"));
      counts.put("accepted", get(kind + ".accepted"));
      counts.put("rejected", get(kind + ".rejected"));
      counts.put("skipped", skipped(kind));
      switch (kind) {
        case "events" -> {
          counts.put("events", get("emitted.events"));
          counts.put("unique", get("events.unique"));
          counts.put("duplicates", get("events.duplicates"));
          counts.put("conflicting_duplicates", get("events.conflicting_duplicates"));
          counts.put("unresolved_target", unresolvedTargets());
        }
        case "snapshots" -> {
          counts.put("snapshots", get("emitted.snapshots"));
          counts.put("unique", get("snapshots.unique"));
          counts.put("user_objects_without_snapshot_moment", get("snapshots.without_moment"));
        }
        default -> {
          counts.put("edges", get("emitted.baseline"));
          counts.put("unique", get("baseline.unique"));
        }
      }
      counts.put("skipped_by_kind", skippedByKind(kind));
      counts.put("rejected_by_reason", rejectedByLabel(kind));
      counts.put("bytes_read", get(kind + ".bytes_read"));
      counts.put("bytes_rejected", get(kind + ".bytes_rejected"));
      out.put(kind, counts);
    }
    return out;
  }

  public Map<String, Long> rowCounts() {
    Map<String, Long> rows = new TreeMap<>();
    tallies.forEach(
        (k, v) -> {
          if (k.startsWith("rows.")) {
            rows.put(k.substring("rows.".length()), v);
          }
        });
    return rows;
  }
}
