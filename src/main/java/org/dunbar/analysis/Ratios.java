package org.dunbar.analysis;

/** The SPEC's rates: a ratio, or null when the denominator is null or 0. */
public final class Ratios {
  private Ratios() {}

  public static Double of(Long numerator, Long denominator) {
    if (numerator == null || denominator == null || denominator == 0) {
      return null;
    }
    return (double) numerator / denominator;
  }
}
