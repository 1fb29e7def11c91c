package org.dunbar.analysis;

/** The per-follow flags counted by {@code acquisition_cohorts}, in its column order. */
public enum CohortMeasure {
  FOLLOWS,
  CHURNED,
  ELIGIBLE_30D,
  RETAINED_30D,
  ELIGIBLE_90D,
  RETAINED_90D,
  ENGAGED_90D,
  CONVERSED_90D;

  public static final int SIZE = values().length;

  public String column() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
