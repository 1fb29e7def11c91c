package org.dunbar.formats;

import java.util.regex.Pattern;
import org.dunbar.records.BaselineEdge;
import org.dunbar.records.Event;
import org.dunbar.records.Snapshot;

/**
 * Receives what one physical line of input maps to.
 *
 * <p>A line holds one or more input <em>records</em> (one for line formats; one per tweet for the
 * Twitter adapters). Every record ends with exactly one call of {@link #accepted()}, {@link
 * #rejected} or {@link #skipped}: the accounting counts records that way (read = accepted +
 * rejected + skipped). The canonical items a record maps to are passed before its {@code
 * accepted()}; a rejected or skipped record passes none. Account names ({@link #accountName}) are
 * no canonical items and no records: any record but a rejected one may pass them, and they never
 * change how it is counted.
 */
public interface RecordSink {
  /** What {@link #skipped} accepts as a kind: it names a tally and a manifest key. */
  Pattern SKIP_KIND = Pattern.compile("[a-z][a-z0-9_.]*");

  void event(Event event);

  void snapshot(Snapshot snapshot);

  void edge(BaselineEdge edge);

  /**
   * A name the record gives an account (issue 11, "Accounts table"), passed before the call that
   * closes the record. It feeds only the {@code accounts} table, never the accounting or another
   * table; a skipped record may pass one (a Bluesky {@code identity} event names a handle).
   */
  void accountName(NameSighting sighting);

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

  /**
   * One record that failed a check and starts on a later line than the text passed to the format
   * (an element of a JSON document that spans lines). Sinks that do not report lines may ignore it.
   *
   * @param line 1-based physical line where the record starts
   */
  default void rejected(String reason, String detail, String raw, long line) {
    rejected(reason, detail, raw);
  }

  /**
   * Closes one record that is valid input but not an interaction: a stream notice (a v1.1 {@code
   * delete} or {@code limit}), an error object of an API page, a record whose author is deleted. It
   * is neither accepted nor rejected, never counts toward the rejection guard, and is counted by
   * {@code kind} in the manifest (SPEC, Input: "Not every valid object is an interaction").
   *
   * @param kind what the record is: a lower-case name of letters, digits, '_' and '.' that starts
   *     with a letter, such as {@code delete}, {@code limit} or {@code error}
   * @throws IllegalArgumentException when the kind is not such a name (a bug of the caller)
   */
  void skipped(String kind);

  /**
   * The kind of a skipped record, checked; sinks call it so that a bad kind fails where it is made.
   *
   * @throws IllegalArgumentException when it is not a name as {@link #skipped} says
   */
  static String checkSkipKind(String kind) {
    if (kind == null || !SKIP_KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException(
          "a skipped record's kind must be a lower-case name such as 'delete', not '" + kind + "'");
    }
    return kind;
  }
}
