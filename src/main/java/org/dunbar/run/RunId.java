package org.dunbar.run;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Run ids: made by dunbar as {@code YYYYMMDDTHHMMSSZ-xxxxxxxx} (UTC start time and a random suffix,
 * so they sort by start), or given by a scheduler with {@code --run-id}.
 */
final class RunId {
  /**
   * A given id names a folder: letters, digits, '.', '_', '-', 1 to 128 of them, not starting with
   * '.'.
   */
  private static final Pattern GIVEN = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private RunId() {}

  /** A fresh id for a run started at {@code started}. */
  static String fresh(Instant started) {
    return TIME.format(started) + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * A scheduler's id, checked.
   *
   * @throws StudyException naming {@code --run-id} when it cannot name a folder
   */
  static String given(String id) {
    if (!GIVEN.matcher(id).matches()) {
      throw new StudyException(
          "--run-id",
          "'"
              + id
              + "' is not a run id: use 1 to 128 letters, digits, '.', '_' or '-', not starting"
              + " with '.'");
    }
    return id;
  }

  /**
   * The {@code run} arguments split into the scheduler's run id (null when not given) and the
   * study's arguments.
   */
  record Taken(String id, List<String> studyArgs) {}

  /**
   * Takes {@code --run-id ID} or {@code --run-id=ID} out of a {@code run} command's arguments; the
   * rest go to the study unchanged.
   *
   * @throws StudyException when the flag has no value or its value is no run id
   */
  static Taken take(List<String> args) {
    TakenFlag taken = TakenFlag.take(args, "--run-id");
    return new Taken(taken.value() == null ? null : given(taken.value()), taken.rest());
  }
}
