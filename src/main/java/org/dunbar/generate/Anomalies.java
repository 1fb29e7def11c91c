package org.dunbar.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dunbar.model.InteractionType;

/**
 * When to plant the dump's imperfections: duplicates and malformed lines, spread over the days. A
 * planted duplicate waits for a suitable event on or after its day.
 */
final class Anomalies {
  /** How one event is written. */
  enum Plant {
    ONCE,
    /** The identical id-less line again in another part file: overlapping exports. */
    COPY_IN_OTHER_FILE,
    /** An explicit event_id written twice, identically. */
    REPEATED_ID,
    /** An explicit event_id written twice with different contents. */
    CONFLICTING_ID
  }

  private record Planned(int day, Plant plant) {}

  private final List<Planned> plants = new ArrayList<>();
  private final int[] malformedDays;
  private int next;

  Anomalies(GeneratorSettings settings) {
    int days = settings.days();
    // A few, growing slowly with the dump; none when there is no second file to copy into.
    int copies = settings.files() > 1 ? 3 + (int) ((long) settings.accounts() * days / 100_000) : 0;
    for (int i = 1; i <= copies; i++) {
      plants.add(new Planned(i * days / (copies + 1), Plant.COPY_IN_OTHER_FILE));
    }
    plants.add(new Planned(days / 3, Plant.REPEATED_ID));
    plants.add(new Planned(2 * days / 3, Plant.CONFLICTING_ID));
    plants.sort(Comparator.comparingInt(Planned::day));
    Malformation[] reasons = Malformation.values();
    malformedDays = new int[reasons.length];
    for (int i = 0; i < reasons.length; i++) {
      malformedDays[i] = (2 * i + 1) * days / (2 * reasons.length);
    }
  }

  /** The malformed lines that belong to this day. */
  List<Malformation> malformedOn(int day) {
    List<Malformation> due = new ArrayList<>();
    for (Malformation m : Malformation.values()) {
      if (malformedDays[m.ordinal()] == day) {
        due.add(m);
      }
    }
    return due;
  }

  /** How to write this event; each plant is handed out once. */
  Plant claim(int day, InteractionType type) {
    if (next == plants.size()) {
      return Plant.ONCE;
    }
    Planned head = plants.get(next);
    // A conflicting copy must not change the follow replay, whichever copy a reader keeps.
    boolean suitable =
        head.plant() != Plant.CONFLICTING_ID
            || type == InteractionType.LIKE
            || type == InteractionType.RESHARE;
    if (head.day() > day || !suitable) {
      return Plant.ONCE;
    }
    next++;
    return head.plant();
  }
}
