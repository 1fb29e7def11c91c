package org.dunbar.generate;

/** How simulated events become the lines of one output format. */
interface EventEncoder {
  /** An explicit id for a few records, as merged exports have; null (the usual case) otherwise. */
  String optionalId();

  /** A fresh explicit id, for the planted repeats of one record. */
  String newId();

  /** False for an event the format has no way to write (it is then left out of the dump). */
  default boolean writes(GeneratedEvent event) {
    return true;
  }

  /**
   * The event as one line, under an explicit id when {@code eventId} is not null: the same event
   * and id give the same line, and a changed event under the same id a conflicting copy.
   */
  String line(GeneratedEvent event, String eventId);

  /**
   * A line planted to fail one check, or null when the format has no such fault.
   *
   * @param at epoch milliseconds near which the line sits in the dump
   */
  String malformed(Malformation fault, String actor, String other, long at);
}
