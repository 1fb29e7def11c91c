package org.dunbar.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;

/**
 * Medians of nullable {@code double} columns per key, as DuckDB's {@code median} computes them (the
 * mean of the two middle values of an even count), over the rows of a small table: it keeps every
 * value, so it is for engagement_by_cohort (bands × periods rows), not for per-account tables.
 *
 * @param <K> the key; keys come out in their natural order
 */
final class ColumnMedians<K extends Comparable<K>> {
  private final List<String> columns;
  private final Map<K, Map<String, List<Double>>> values = new TreeMap<>();

  ColumnMedians(List<String> columns) {
    this.columns = List.copyOf(columns);
  }

  /** Keeps a row's non-null values of the columns under {@code key}. */
  void add(K key, GenericRecord row) {
    Map<String, List<Double>> kept = values.computeIfAbsent(key, k -> new HashMap<>());
    for (String column : columns) {
      Double value = (Double) row.get(column);
      List<Double> list = kept.computeIfAbsent(column, c -> new ArrayList<>());
      if (value != null) {
        list.add(value);
      }
    }
  }

  /** One column's median per key, in key order; null for a key without a value. */
  List<Double> medians(String column) {
    if (!columns.contains(column)) {
      throw new IllegalArgumentException(column + " is not one of the columns " + columns);
    }
    List<Double> medians = new ArrayList<>();
    for (Map<String, List<Double>> kept : values.values()) {
      medians.add(median(kept.get(column)));
    }
    return medians;
  }

  /** The median of the values, null when there are none. */
  static Double median(List<Double> list) {
    if (list.isEmpty()) {
      return null;
    }
    List<Double> sorted = list.stream().sorted().toList();
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
  }
}
