package org.dunbar.generate;

/**
 * What a generator run wrote. Counts are of physical lines, so a reader's accounting can be checked
 * against them: accepted event records = {@code eventLines − malformedLines}, unique events =
 * {@link #uniqueEvents()}.
 *
 * @param eventLines every line written to the event part files, planted ones included
 * @param duplicateLines lines that repeat an earlier record under the SPEC's id rule (exact copies
 *     in another part file, and explicit event_id repeats)
 * @param conflictingDuplicates of those, repeats whose contents differ from the first
 * @param malformedLines lines planted to be rejected, one per rejection reason
 * @param snapshotRows rows of snapshots.csv, header excluded
 * @param baselineEdges edge lines of the baseline graph, comments excluded
 * @param burstAccount the account planted with a burst day
 */
public record GeneratorSummary(
    long eventLines,
    long duplicateLines,
    long conflictingDuplicates,
    long malformedLines,
    long snapshotRows,
    long baselineEdges,
    String burstAccount) {

  /** Distinct valid events a correct reader finds. */
  public long uniqueEvents() {
    return eventLines - malformedLines - duplicateLines;
  }
}
