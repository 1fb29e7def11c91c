package org.dunbar.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.avro.generic.GenericRecord;
import org.dunbar.analysis.ExactSum;
import org.dunbar.tables.Table;
import org.dunbar.tables.TableRows;

/**
 * A table's rows grouped by a key (a period, a reason, a band, a bucket of k), reduced to the few
 * numbers a chart needs: a label per group, sums of {@code long} columns and medians of {@code
 * double} columns. Null values are skipped, and a sum or median stays null while a group has no
 * value (gained of a snapshot account, a cell suppressed by min_cell), so a chart shows a gap where
 * no row gave a number rather than a zero. Medians keep every value of their columns: take them
 * over small tables only (engagement_by_cohort has bands × periods rows); sums are constant memory
 * per group, for tables of any size.
 *
 * @param <K> the key; groups come out in the comparator's order
 */
final class Groups<K> {
  private final Function<GenericRecord, K> key;
  private final Function<GenericRecord, String> label;
  private final List<String> summed;
  private final List<String> medianOf;
  private final Map<K, Group> groups;
  private long rows;
  private long suppressedRows;

  /** One group: its label, sums (null: no value yet) and the values of the median columns. */
  private static final class Group {
    String label;
    Long[] sums;
    List<List<Double>> values = new ArrayList<>();
  }

  /**
   * @param key the group of a row
   * @param label the group's label on the chart (the last row's, all rows of a group agree)
   * @param order the groups' order along the chart
   * @param summed nullable {@code long} columns to sum
   * @param medianOf nullable {@code double} columns to take the median of
   */
  Groups(
      Function<GenericRecord, K> key,
      Function<GenericRecord, String> label,
      Comparator<K> order,
      List<String> summed,
      List<String> medianOf) {
    this.key = key;
    this.label = label;
    this.summed = List.copyOf(summed);
    this.medianOf = List.copyOf(medianOf);
    this.groups = new TreeMap<>(order);
  }

  /**
   * Streams every row of a run's table into the groups.
   *
   * @return this
   * @throws IOException when the table cannot be read
   * @throws org.dunbar.analysis.SumOverflow when a sum exceeds a 64-bit integer (naming the table
   *     and column)
   */
  Groups<K> read(Path runDir, Table table) throws IOException {
    TableRows.forEach(runDir, table, this::add);
    return this;
  }

  /**
   * Adds a row, and counts it as suppressed when its table has a {@code suppressed} column (the
   * aggregate tables, docs/privacy.md) that says true.
   */
  void add(GenericRecord row) {
    rows++;
    if (row.hasField("suppressed") && Boolean.TRUE.equals(row.get("suppressed"))) {
      suppressedRows++;
    }
    Group group = groups.computeIfAbsent(key.apply(row), k -> new Group());
    group.label = label.apply(row);
    if (group.sums == null) {
      group.sums = new Long[summed.size()];
      medianOf.forEach(c -> group.values.add(new ArrayList<>()));
    }
    for (int i = 0; i < group.sums.length; i++) {
      Long value = (Long) row.get(summed.get(i));
      if (value != null) {
        group.sums[i] =
            group.sums[i] == null
                ? value
                : ExactSum.add(group.sums[i], value, row.getSchema().getName(), summed.get(i));
      }
    }
    for (int i = 0; i < medianOf.size(); i++) {
      Double value = (Double) row.get(medianOf.get(i));
      if (value != null) {
        group.values.get(i).add(value);
      }
    }
  }

  /** Rows added. */
  long rows() {
    return rows;
  }

  /** Rows added whose measures min_cell suppressed (nulls, left out of every sum and median). */
  long suppressedRows() {
    return suppressedRows;
  }

  /** The groups' labels, in order. */
  List<String> labels() {
    return groups.values().stream().map(g -> g.label).toList();
  }

  /** One column's sums, in group order; null for a group without a value. */
  List<Long> sums(String column) {
    int i = index(summed, column);
    List<Long> values = new ArrayList<>();
    groups.values().forEach(g -> values.add(g.sums[i]));
    return values;
  }

  /**
   * {@code numerator / denominator} per group; null when either sum is null or the denominator 0.
   */
  List<Double> ratios(String numerator, String denominator) {
    int n = index(summed, numerator);
    int d = index(summed, denominator);
    List<Double> values = new ArrayList<>();
    for (Group g : groups.values()) {
      Long num = g.sums[n];
      Long den = g.sums[d];
      values.add(num == null || den == null || den == 0 ? null : (double) num / den);
    }
    return values;
  }

  /** One column's medians, in group order; null for a group without a value. */
  List<Double> medians(String column) {
    int i = index(medianOf, column);
    List<Double> values = new ArrayList<>();
    groups.values().forEach(g -> values.add(median(g.values.get(i))));
    return values;
  }

  /**
   * The median as DuckDB's {@code median} computes it: the mean of the two middle values of an even
   * count; null when there are none.
   */
  static Double median(List<Double> list) {
    if (list.isEmpty()) {
      return null;
    }
    List<Double> sorted = list.stream().sorted().toList();
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
  }

  private static int index(List<String> columns, String column) {
    int i = columns.indexOf(column);
    if (i < 0) {
      throw new IllegalArgumentException(column + " is not one of " + columns);
    }
    return i;
  }
}
