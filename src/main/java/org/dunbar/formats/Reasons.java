package org.dunbar.formats;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  // A field name at the start of a missing_field detail: "actor", "user.id_str", "author_id of
  // ...".
  private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9_.]+");

  private Reasons() {}

  /**
   * What the run's summary and manifest count a rejection under: its reason, and for {@code
   * missing_field} the field its detail names first (e.g. {@code missing_field actor}), so the
   * count of distinct labels stays small whatever the details say.
   */
  public static String label(String reason, String detail) {
    if (MISSING_FIELD.equals(reason) && detail != null) {
      Matcher field = FIELD.matcher(detail);
      if (field.lookingAt()) {
        return reason + " " + field.group();
      }
    }
    return reason;
  }
}
