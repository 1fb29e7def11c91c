package org.dunbar.formats.bluesky;

import java.util.Locale;

/**
 * Which instant a Jetstream event is dated at, chosen per input ({@code event_time}).
 *
 * <p>{@code time_us} is when Jetstream saw the commit on the relay: every event has it, deletes
 * included, and it cannot be backdated. {@code record.createdAt} is what the client wrote: it is
 * missing on deletes and may be backdated or skewed (imported posts carry years-old dates).
 */
public enum EventTime {
  /** The event's {@code time_us}, epoch microseconds (Jetstream README). The default. */
  TIME_US,
  /** The record's {@code createdAt} where the event has a record, else {@code time_us}. */
  CREATED;

  /** The option's value as a study writes it: {@code time_us} or {@code created}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The option named {@code label}.
   *
   * @throws IllegalArgumentException when it is neither {@code time_us} nor {@code created}
   */
  public static EventTime of(String label) {
    for (EventTime t : values()) {
      if (t.label().equals(label)) {
        return t;
      }
    }
    throw new IllegalArgumentException("'" + label + "' is not one of time_us, created");
  }
}
