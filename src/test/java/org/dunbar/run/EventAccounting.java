package org.dunbar.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The event accounting of a published run's manifest, as one line a test can compare whole. */
final class EventAccounting {
  private EventAccounting() {}

  /**
   * {@code status read=… accepted=… rejected=… skipped=… {by kind} events=… unique=… duplicates=…
   * unresolved={by type}}.
   */
  static String of(Path run) {
    JsonNode m = manifest(run);
    JsonNode e = m.get("accounting").get("events");
    return m.get("status").asText()
        + " read="
        + e.get("read")
        + " accepted="
        + e.get("accepted")
        + " rejected="
        + e.get("rejected")
        + " skipped="
        + e.get("skipped")
        + " "
        + e.get("skipped_by_kind")
        + " events="
        + e.get("events")
        + " unique="
        + e.get("unique")
        + " duplicates="
        + e.get("duplicates")
        + " unresolved="
        + e.get("unresolved_target");
  }

  /**
   * {@code read, accepted, rejected, skipped, events, unique, duplicates, conflicting_duplicates}.
   */
  static List<Long> counts(Path run) {
    JsonNode e = manifest(run).get("accounting").get("events");
    return Stream.of(
            "read",
            "accepted",
            "rejected",
            "skipped",
            "events",
            "unique",
            "duplicates",
            "conflicting_duplicates")
        .map(name -> e.get(name).asLong())
        .toList();
  }

  private static JsonNode manifest(Path run) {
    try {
      return new ObjectMapper().readTree(run.resolve("_manifest.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
