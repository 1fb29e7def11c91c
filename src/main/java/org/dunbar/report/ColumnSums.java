package org.dunbar.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;

/**
 * Sums of nullable {@code long} columns of a table's rows, per key (a period, a reason, a band):
 * the few numbers a chart needs out of a table of any size. A null value is skipped, and a sum
 * stays null while every value summed was null (gained of a snapshot account, a cell suppressed by
 * min_cell), so a chart shows a gap where no row gave a number instead of a zero.
 *
 * @param <K> the key; keys come out in the comparator's order
 */
final class ColumnSums<K> {
  private final List<String> columns;
  private final Map<K, Long[]> sums;
  private long suppressedRows;

  ColumnSums(List<String> columns, Comparator<K> order) {
    this.columns = List.copyOf(columns);
    this.sums = new TreeMap<>(order);
  }

  /**
   * Adds a row's values of the columns under {@code key}, and counts it as suppressed when its
   * table has a {@code suppressed} column (the aggregate tables, docs/privacy.md) that says true.
   *
   * @throws ArithmeticException when a sum exceeds a 64-bit integer
   */
  void add(K key, GenericRecord row) {
    if (row.hasField("suppressed") && Boolean.TRUE.equals(row.get("suppressed"))) {
      suppressedRows++;
    }
    Long[] sum = sums.computeIfAbsent(key, k -> new Long[columns.size()]);
    for (int i = 0; i < sum.length; i++) {
      Long value = (Long) row.get(columns.get(i));
      if (value != null) {
        sum[i] = sum[i] == null ? value : Math.addExact(sum[i], value);
      }
    }
  }

  /** Rows added whose measures min_cell suppressed (nulls, left out of every sum). */
  long suppressedRows() {
    return suppressedRows;
  }

  /** The keys seen, in order. */
  List<K> keys() {
    return List.copyOf(sums.keySet());
  }

  /** One column's sums in key order; null where every value was null. */
  List<Long> sums(String column) {
    int i = index(column);
    List<Long> values = new ArrayList<>();
    sums.values().forEach(sum -> values.add(sum[i]));
    return values;
  }

  /** {@code numerator / denominator} per key; null when either sum is null or the denominator 0. */
  List<Double> ratios(String numerator, String denominator) {
    int n = index(numerator);
    int d = index(denominator);
    List<Double> values = new ArrayList<>();
    for (Long[] sum : sums.values()) {
      values.add(sum[n] == null || sum[d] == null || sum[d] == 0 ? null : (double) sum[n] / sum[d]);
    }
    return values;
  }

  private int index(String column) {
    int i = columns.indexOf(column);
    if (i < 0) {
      throw new IllegalArgumentException(column + " is not one of the summed columns " + columns);
    }
    return i;
  }
}
