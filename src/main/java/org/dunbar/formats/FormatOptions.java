package org.dunbar.formats;

import java.io.Serializable;

/**
 * An input's format options (SPEC, Parameters: "inputs ... with the format's options").
 *
 * @param snapshotTime Twitter formats: {@code created} or {@code retrieved}; null for the format's
 *     default
 * @param eventTime bluesky-jetstream: {@code time_us} or {@code created}; null for the format's
 *     default
 * @param delimiter CSV formats: the field delimiter, {@code ','}, {@code ';'} or a tab
 */
public record FormatOptions(String snapshotTime, String eventTime, char delimiter) implements Serializable {
  /** Every option at its default. */
  public static final FormatOptions DEFAULTS = new FormatOptions(null, null, ',');
}
