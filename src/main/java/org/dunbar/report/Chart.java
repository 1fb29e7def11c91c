package org.dunbar.report;

import java.util.List;

/**
 * One chart of the report, as the page draws it with ECharts: categories along x, series of numbers
 * (null for a gap) on one or two y axes.
 *
 * @param id the chart's element id in the page
 * @param title the chart's heading
 * @param reading one line saying what the chart shows and how to read it
 * @param table the table it was computed from, with the columns used
 * @param rows rows of the table read (0: the page says "no rows" instead of drawing)
 * @param suppressed rows left out because min_cell suppressed their measures
 * @param x category labels along the x axis
 * @param axes names of the y axes, left then right
 * @param series the series, each as long as {@code x}
 */
public record Chart(
    String id,
    String title,
    String reading,
    String table,
    long rows,
    long suppressed,
    List<String> x,
    List<String> axes,
    List<Series> series) {

  /**
   * @param name the legend's name
   * @param type {@code bar} or {@code line}
   * @param stack bars of the same non-null stack are stacked
   * @param axis 0 for the left y axis, 1 for the right one
   * @param values one per category; null for none
   */
  public record Series(
      String name, String type, String stack, int axis, List<? extends Number> values) {}
}
