package org.dunbar.formats.twitter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import org.dunbar.formats.LineFormat;
import org.dunbar.formats.TimeBounds;
import org.dunbar.records.Event;
import org.dunbar.records.Snapshot;
import org.dunbar.run.SharedData;

/** Reading fixtures the way the pipeline reads input, and building expected records. */
final class Fixtures {
  /** The SPEC's default not_before, 2000-01-01T00:00:00Z, and no not_after. */
  static final TimeBounds DEFAULT_BOUNDS = new TimeBounds(micros("2000-01-01T00:00:00Z"), null);

  private Fixtures() {}

  static Path v1Payload(String name) {
    return SharedData.require("data/twitter-v1-payloads/" + name);
  }

  static Path resource(String name) {
    try {
      return Paths.get(Fixtures.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Feeds each non-blank line, numbered physically from 1, with the file name as source. */
  static CollectingSink parse(LineFormat format, Path file) {
    CollectingSink sink = new CollectingSink();
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        format.parse(file.getFileName().toString(), i + 1, lines.get(i), null, sink);
      }
    }
    return sink;
  }

  static String line(Path file, int number) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).get(number - 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long micros(String isoInstant) {
    Instant instant = Instant.parse(isoInstant);
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
  }

  static Event event(
      String eventId,
      String type,
      String actor,
      String target,
      String postId,
      String parentId,
      String isoTs,
      String source,
      long line) {
    return new Event(eventId, type, actor, target, postId, parentId, micros(isoTs), source, line);
  }

  static Snapshot snapshot(
      String account,
      String isoTs,
      long followers,
      long following,
      long posts,
      String source,
      long line) {
    return new Snapshot(account, micros(isoTs), followers, following, posts, source, line);
  }

  /** The events with source and line blanked, to compare copies of a tweet read from elsewhere. */
  static List<Event> withoutOrigin(List<Event> events) {
    return events.stream().map(e -> Event.newBuilder(e).setSource("").setLine(0L).build()).toList();
  }
}
