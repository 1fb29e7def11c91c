package org.dunbar.run;

/**
 * One input of a study: a path glob and how to read what it matches.
 *
 * @param kind events, snapshots or baseline
 * @param glob a path or glob, relative to the working directory
 * @param format the format name for that kind
 * @param snapshotTime created or retrieved, for Twitter formats; null for their default
 * @param eventTime time_us or created, for bluesky-jetstream; null for its default (time_us)
 */
public record InputSpec(String kind, String glob, String format, String snapshotTime, String eventTime) {}
