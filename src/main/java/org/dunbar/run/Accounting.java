package org.dunbar.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dunbar.canonical.ResolveTargets;

/**
 * The run's record accounting, from the tallies the pipeline wrote, and the checks that must hold
 * before a run may be published (SPEC "Accounting").
 */
public final class Accounting {
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
      balance(problems, kind + ".read", get(kind + ".read"), kind + ".accepted + " + kind + ".rejected + " + kind + ".skipped",
          get(kind + ".accepted") + get(kind + ".rejected") + skipped(kind));
    }
    balance(problems, "emitted.events", get("emitted.events"), "events.unique + events.duplicates + events.unresolved_target",
        get("events.unique") + get("events.duplicates") + total(unresolvedTargets()));
    long rejected = Study.KINDS.stream().mapToLong(k -> get(k + ".rejected")).sum();
    balance(problems, "rows.rejected", get("rows.rejected"), "rejected records of all kinds", rejected);
    if (get("snapshots.unique") > get("emitted.snapshots")) {
      problems.add("snapshots.unique " + get("snapshots.unique") + " exceeds the snapshots read " + get("emitted.snapshots"));
    }
    if (get("baseline.unique") > get("emitted.baseline")) {
      problems.add("baseline.unique " + get("baseline.unique") + " exceeds the baseline edges read " + get("emitted.baseline"));
    }
    return problems;
  }

  /**
   * Skipped records of an input kind (valid input that is no interaction), by what they are, e.g.
   * {@code delete -> 3}; from the tallies {@code <kind>.skipped.<what>}.
   */
  public Map<String, Long> skippedByKind(String kind) {
    return byName(kind + ".skipped.");
  }

  /** All skipped records of an input kind. */
  public long skipped(String kind) {
    return total(skippedByKind(kind));
  }

  /**
   * Distinct events dropped because no record identifies their target, by event type, e.g. {@code
   * quote -> 2}; from the tallies {@code events.unresolved_target.<type>} of the target resolution
   * (SPEC "Targets resolved from the parent post"). They are events, not records: the record that
   * made one stays accepted, with its other events and its snapshots.
   */
  public Map<String, Long> unresolvedTargets() {
    return byName(ResolveTargets.UNRESOLVED);
  }

  /** The tallies whose name starts with the prefix, by the rest of their name. */
  private Map<String, Long> byName(String prefix) {
    Map<String, Long> byRest = new TreeMap<>();
    tallies.forEach((name, value) -> {
      if (name.startsWith(prefix)) {
        byRest.put(name.substring(prefix.length()), value);
      }
    });
    return byRest;
  }

  private static long total(Map<String, Long> counts) {
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
    long read = Study.KINDS.stream().mapToLong(k -> get(k + ".read")).sum();
    long rejected = Study.KINDS.stream().mapToLong(k -> get(k + ".rejected")).sum();
    return read == 0 ? 0 : (double) rejected / read;
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
      out.put(kind, counts);
    }
    return out;
  }

  public Map<String, Long> rowCounts() {
    Map<String, Long> rows = new TreeMap<>();
    tallies.forEach((k, v) -> {
      if (k.startsWith("rows.")) {
        rows.put(k.substring("rows.".length()), v);
      }
    });
    return rows;
  }
}
