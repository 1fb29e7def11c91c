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
 * @param retrievedAt Twitter formats: when the input was retrieved, UTC epoch microseconds, the
 *     moment of its snapshots where the payload has no retrieval stamp of its own; null for none
 */
public record FormatOptions(String snapshotTime, String eventTime, char delimiter, Long retrievedAt)
    implements Serializable {
  /** Every option at its default. */
  public static final FormatOptions DEFAULTS = new FormatOptions(null, null, ',', null);
}
