package org.dunbar.formats;

/**
 * One input record that failed a check, thrown by an adapter while it maps the record so that
 * nothing of it reaches the sink; the caller turns it into one {@link RecordSink#rejected} call.
 */
public final class RecordRejection extends Exception {
  private static final long serialVersionUID = 1L;

  private final String reason;

  /**
   * @param reason one of {@link Reasons}
   * @param detail which field or value failed, for people reading the rejected table
   */
  public RecordRejection(String reason, String detail) {
    // Thrown once per bad record in bulk input: a stack trace would cost more than the parse.
    super(detail, null, false, false);
    this.reason = reason;
  }

  /** A {@code missing_field} rejection naming the field. */
  public static RecordRejection missing(String field) {
    return new RecordRejection(Reasons.MISSING_FIELD, field);
  }

  public String reason() {
    return reason;
  }

  public String detail() {
    return getMessage();
  }
}
