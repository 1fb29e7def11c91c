package org.dunbar.generate;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The event format a generated dump is written in ({@code generate --format}). */
public enum OutputFormat {
  /** The SPEC's canonical JSON lines, with every timestamp form and planted faults. */
  CANONICAL("canonical"),
  /** Bluesky Jetstream commit events, read with {@code format: bluesky-jetstream}. */
  BLUESKY_JETSTREAM("bluesky-jetstream");

  private final String label;

  OutputFormat(String label) {
    this.label = label;
  }

  /** The name a study and the command line use, which is also the reader's format name. */
  public String label() {
    return label;
  }

  /**
   * The format named {@code label}.
   *
   * @throws IllegalArgumentException naming the allowed values
   */
  public static OutputFormat of(String label) {
    for (OutputFormat f : values()) {
      if (f.label.equals(label)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "--format must be one of "
            + Arrays.stream(values()).map(OutputFormat::label).collect(Collectors.joining(", "))
            + ", got '"
            + label
            + "'");
  }

  /** What the format's accounts' names start with: Bluesky's are DIDs, {@code did:plc:<name>}. */
  String accountPrefix() {
    return this == CANONICAL ? "" : "did:plc:";
  }

  EventEncoder encoder(Population population, Rng rng) {
    return this == CANONICAL
        ? new EventLineFormat(population, rng)
        : new JetstreamLines(population);
  }
}
