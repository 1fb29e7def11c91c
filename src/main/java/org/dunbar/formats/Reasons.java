package org.dunbar.formats;

/** The rejection reason codes written to the rejected table: the SPEC's, then the adapters' own. */
public final class Reasons {
  public static final String LINE_TOO_LONG = "line_too_long";
  public static final String UNPARSABLE = "unparsable";
  public static final String MISSING_FIELD = "missing_field";
  public static final String UNKNOWN_TYPE = "unknown_type";
  public static final String BAD_TIMESTAMP = "bad_timestamp";
  public static final String SELF_FOLLOW = "self_follow";
  public static final String BAD_COUNT = "bad_count";
  public static final String TS_OUT_OF_RANGE = "ts_out_of_range";
  /** A JSON record that is not a tweet (delete or limit notices, errors, empty pages). */
  public static final String UNSUPPORTED_RECORD = "unsupported_record";

  private Reasons() {}
}
