package org.dunbar.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The event accounting of a published run's manifest, as one line a test can compare whole. */
final class EventAccounting {
  private EventAccounting() {}

  /**
   * {@code status read=… accepted=… rejected=… skipped=… {by kind} events=… unique=… duplicates=…
   * unresolved={by type}}.
   */
  static String of(Path run) {
    JsonNode m;
    try {
      m = new ObjectMapper().readTree(run.resolve("_manifest.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
}
