package org.dunbar.generate;

import org.dunbar.records.Event;

/**
 * One event a run accepts from a generated dump; absent string fields are "".
 *
 * @param file the event file's name
 */
record Ev(
    String eventId,
    String type,
    String actor,
    String target,
    String postId,
    String parentId,
    long micros,
    String file) {

  static final long DAY_MICROS = 86_400_000_000L;

  /** The product reader's event, with nulls as "". */
  static Ev of(Event e) {
    return new Ev(
        orEmpty(e.getEventId()),
        e.getType(),
        e.getActor(),
        orEmpty(e.getTarget()),
        orEmpty(e.getPostId()),
        orEmpty(e.getParentId()),
        e.getTs(),
        e.getSource());
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  boolean directed() {
    return type.equals("reply")
        || type.equals("mention")
        || type.equals("quote")
        || type.equals("message");
  }

  boolean interaction() {
    return directed() || type.equals("reshare") || type.equals("like");
  }

  long day() {
    return Math.floorDiv(micros, DAY_MICROS);
  }
}
