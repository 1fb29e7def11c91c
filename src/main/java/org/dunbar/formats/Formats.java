package org.dunbar.formats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dunbar.formats.bluesky.BlueskyJetstreamFormat;
import org.dunbar.formats.bluesky.EventTime;
import org.dunbar.formats.reddit.RedditFormat;
import org.dunbar.formats.twitter.SnapshotTime;
import org.dunbar.formats.twitter.TwitterV1Format;
import org.dunbar.formats.twitter.TwitterV2Format;

/** The input formats a study can name, per input kind; the first of each kind is its default. */
public final class Formats {
  /**
   * Builds a format from the study's time bounds and the input's options: snapshot_time (Twitter)
   * and event_time (Bluesky), each null for the format's default.
   */
  @FunctionalInterface
  interface Factory {
    LineFormat create(TimeBounds bounds, String snapshotTime, String eventTime);
  }

  private static final Map<String, Map<String, Factory>> BY_KIND = kinds();

  private Formats() {}

  /**
   * The format of an input.
   *
   * @throws IllegalArgumentException when the kind has no format of that name
   */
  public static LineFormat forInput(String kind, String format, String snapshotTime, String eventTime, TimeBounds bounds) {
    Factory factory = BY_KIND.getOrDefault(kind, Map.of()).get(format);
    if (factory == null) {
      throw new IllegalArgumentException("unknown " + kind + " format '" + format + "'; known formats: " + String.join(", ", formatNames(kind)));
    }
    return factory.create(bounds, snapshotTime, eventTime);
  }

  /** The event format of that name, with its default snapshot moment. */
  public static LineFormat events(String name, TimeBounds bounds) {
    return forInput("events", name, null, null, bounds);
  }

  /** The names of a kind's formats, in the order they are documented; the first is the default. */
  public static List<String> formatNames(String kind) {
    return List.copyOf(BY_KIND.getOrDefault(kind, Map.of()).keySet());
  }

  public static List<String> eventFormatNames() {
    return formatNames("events");
  }

  /** The account snapshot format. */
  public static LineFormat snapshots(TimeBounds bounds) {
    return new SnapshotCsv(bounds);
  }

  /** The baseline follow graph format (also reads a SNAP edge list). */
  public static LineFormat baseline() {
    return new EdgeList();
  }

  private static SnapshotTime snapshotTime(String name, SnapshotTime fallback) {
    return name == null ? fallback : SnapshotTime.valueOf(name.toUpperCase(java.util.Locale.ROOT));
  }

  private static Map<String, Map<String, Factory>> kinds() {
    Map<String, Factory> events = new LinkedHashMap<>();
    events.put("canonical", (bounds, time, eventTime) -> new CanonicalEvents(bounds));
    events.put("snap-activity", (bounds, time, eventTime) -> new SnapActivity(bounds));
    events.put("snap-messages", (bounds, time, eventTime) -> new SnapMessages(bounds));
    events.put("twitter-v1", (bounds, time, eventTime) -> new TwitterV1Format(bounds, snapshotTime(time, TwitterV1Format.DEFAULT_SNAPSHOT_TIME)));
    events.put("twitter-v2", (bounds, time, eventTime) -> new TwitterV2Format(bounds, snapshotTime(time, TwitterV2Format.DEFAULT_SNAPSHOT_TIME)));
    events.put("bluesky-jetstream", (bounds, time, eventTime) -> new BlueskyJetstreamFormat(bounds,
        eventTime == null ? BlueskyJetstreamFormat.DEFAULT_EVENT_TIME : EventTime.of(eventTime)));
    events.put("reddit", (bounds, time, eventTime) -> new RedditFormat(bounds));
    Map<String, Map<String, Factory>> kinds = new LinkedHashMap<>();
    kinds.put("events", Collections.unmodifiableMap(events));
    kinds.put("snapshots", Map.of("canonical", (bounds, time, eventTime) -> snapshots(bounds)));
    kinds.put("baseline", Map.of("edge-list", (bounds, time, eventTime) -> baseline()));
    return Collections.unmodifiableMap(kinds);
  }
}
