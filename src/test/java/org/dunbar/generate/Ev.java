package org.dunbar.generate;

/** One valid event read back from a dump; absent string fields are "". */
record Ev(
    String eventId,
    String type,
    String actor,
    String target,
    String postId,
    String parentId,
    long micros) {

  static final long DAY_MICROS = 86_400_000_000L;

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

  /** Everything the SPEC hashes into an id, but the occurrence number. */
  String contents() {
    return String.join("\u001f", type, actor, target, postId, parentId, Long.toString(micros));
  }
}
