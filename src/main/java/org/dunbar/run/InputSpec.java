package org.dunbar.run;

/**
 * One input of a study: a path glob and how to read what it matches.
 *
 * @param kind events, snapshots or baseline
 * @param glob a path or glob, relative to the working directory
 * @param format the format name for that kind
 * @param snapshotTime created or retrieved, for Twitter formats; null for their default
 * @param eventTime time_us or created, for bluesky-jetstream; null for its default (time_us)
 * @param delimiter the CSV field delimiter (one character) for formats that read CSV; null for
 *     others
 * @param maxLineBytes the longest record in bytes: given, or the format's default (1 MiB; 64 MiB
 *     for API page formats)
 * @param retrievedAt Twitter formats: when the input was retrieved, an ISO-8601 instant with offset
 *     or {@value #FILE_MTIME} (each file's modification time); null when not given
 */
public record InputSpec(
    String kind,
    String glob,
    String format,
    String snapshotTime,
    String eventTime,
    String delimiter,
    int maxLineBytes,
    String retrievedAt) {
  /** {@code retrieved_at: file-mtime}: each file was retrieved when it was last modified. */
  public static final String FILE_MTIME = "file-mtime";
}
