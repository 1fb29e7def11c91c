package org.dunbar.report;

import java.util.List;

/**
 * A small table shown as such in the report (network_layers, the accounting).
 *
 * @param id the table's element id in the page
 * @param title its heading
 * @param reading one line saying what it shows
 * @param source where it comes from (a table, or the run's manifest)
 * @param columns column headings
 * @param cells rows of formatted cells, as many as {@code columns}
 */
public record TableView(
    String id,
    String title,
    String reading,
    String source,
    List<String> columns,
    List<List<String>> cells) {}
