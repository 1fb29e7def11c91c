package org.dunbar.generate;

import java.time.Instant;

/**
 * Writes events as canonical JSON lines. Timestamps vary between ISO-8601 with Z, epoch seconds and
 * epoch milliseconds, and a few records carry an explicit event_id, as when exports from several
 * tools are merged; readers must handle every form.
 */
final class EventLineFormat implements EventEncoder {
  private static final double EPOCH_SECONDS = 0.08;
  private static final double EPOCH_MILLIS = 0.07;
  private static final double WITH_ID = 0.02;

  private final Population population;
  private final Rng rng;
  private final StringBuilder line = new StringBuilder(192);
  private long nextId = 1;

  EventLineFormat(Population population, Rng rng) {
    this.population = population;
    this.rng = rng;
  }

  @Override
  public String optionalId() {
    return rng.chance(WITH_ID) ? newId() : null;
  }

  @Override
  public String newId() {
    return "evt-" + nextId++;
  }

  @Override
  public String line(GeneratedEvent event, String eventId) {
    line.setLength(0);
    line.append('{');
    if (eventId != null) {
      text("event_id", eventId);
    }
    text("type", event.type().label());
    text("actor", population.name(event.actor()));
    if (event.target() != GeneratedEvent.NONE) {
      text("target", population.name(event.target()));
    }
    if (event.postId() != GeneratedEvent.NONE) {
      text("post_id", postId(event.postId()));
    }
    if (event.parentId() != GeneratedEvent.NONE) {
      text("parent_id", postId(event.parentId()));
    }
    line.append("\"ts\":");
    double form = rng.uniform();
    if (form < EPOCH_SECONDS) {
      // Whole seconds: moves the instant by under a second, far less than any planted delay.
      line.append(Math.floorDiv(event.at(), 1000));
    } else if (form < EPOCH_SECONDS + EPOCH_MILLIS) {
      line.append(event.at());
    } else {
      line.append('"').append(Instant.ofEpochMilli(event.at())).append('"');
    }
    return line.append('}').toString();
  }

  @Override
  public String malformed(Malformation fault, String actor, String other, long at) {
    return fault.line(actor, other, at);
  }

  static String postId(long id) {
    return "p" + id;
  }

  private void text(String name, String value) {
    // Names, ids and types are plain ASCII: nothing to escape.
    line.append('"').append(name).append("\":\"").append(value).append("\",");
  }
}
