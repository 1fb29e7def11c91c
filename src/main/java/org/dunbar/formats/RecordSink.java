package org.dunbar.formats;

import org.dunbar.records.BaselineEdge;
import org.dunbar.records.Event;
import org.dunbar.records.Snapshot;

/**
 * Receives what one physical line of input maps to.
 *
 * <p>A line holds one or more input <em>records</em> (one for line formats; one per tweet for the
 * Twitter adapters). Every record ends with exactly one call of {@link #accepted()} or {@link
 * #rejected}: the accounting counts records that way (read = accepted + rejected). The canonical
 * items a record maps to are passed before its {@code accepted()}.
 */
public interface RecordSink {
  void event(Event event);

  void snapshot(Snapshot snapshot);

  void edge(BaselineEdge edge);

  /** A user object was seen but the chosen snapshot moment is missing, so no snapshot was made. */
  void snapshotWithoutMoment();

  /** Closes one accepted record. */
  void accepted();

  /**
   * One record that failed a check.
   *
   * @param reason the SPEC's reason code
   * @param detail which field or value failed, for people reading the rejected table
   * @param raw the record's own text when the line holds several records; null for the whole line
   */
  void rejected(String reason, String detail, String raw);
}
