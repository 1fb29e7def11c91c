package org.dunbar.generate;

import java.io.Closeable;
import java.io.IOException;

/** Writes simulated events as lines, planting the duplicates and malformed lines on their days. */
final class DumpWriter implements Closeable {
  /** Moves a conflicting copy far enough that its contents differ in every timestamp form. */
  private static final long CONFLICT_SHIFT = 61_000;

  private final EventFiles files;
  private final EventEncoder format;
  private final Anomalies anomalies;
  private final Population population;
  private final Rng rng;
  private int day;
  private long duplicates;
  private long conflicting;
  private long malformed;

  DumpWriter(
      EventFiles files, EventEncoder format, Anomalies anomalies, Population population, Rng rng) {
    this.files = files;
    this.format = format;
    this.anomalies = anomalies;
    this.population = population;
    this.rng = rng;
  }

  void startDay(int day, long dayStart) throws IOException {
    this.day = day;
    files.startDay(day);
    for (Malformation m : anomalies.malformedOn(day)) {
      int actor = rng.below(population.size());
      int other = (actor + 1 + rng.below(population.size() - 1)) % population.size();
      String line = format.malformed(m, population.name(actor), population.name(other), dayStart);
      if (line != null) {
        files.write(line);
        malformed++;
      }
    }
  }

  void emit(GeneratedEvent event) throws IOException {
    if (!format.writes(event)) {
      return;
    }
    switch (anomalies.claim(day, event.type())) {
      case ONCE -> files.write(format.line(event, format.optionalId()));
      case COPY_IN_OTHER_FILE -> {
        String line = format.line(event, null);
        files.write(line);
        files.writeToNeighbour(line);
        duplicates++;
      }
      case REPEATED_ID -> {
        String line = format.line(event, format.newId());
        files.write(line);
        files.write(line);
        duplicates++;
      }
      case CONFLICTING_ID -> {
        String id = format.newId();
        // The original comes first in (file, line) order, so readers keep what the replay saw.
        files.write(format.line(event, id));
        files.write(format.line(event.shiftedBy(CONFLICT_SHIFT), id));
        duplicates++;
        conflicting++;
      }
    }
  }

  long lines() {
    return files.lines();
  }

  long duplicates() {
    return duplicates;
  }

  long conflicting() {
    return conflicting;
  }

  long malformed() {
    return malformed;
  }

  @Override
  public void close() throws IOException {
    files.close();
  }
}
