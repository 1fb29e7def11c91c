package org.dunbar.formats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dunbar.formats.bluesky.BlueskyJetstreamFormat;
import org.dunbar.formats.bluesky.EventTime;
import org.dunbar.formats.reddit.RedditFormat;
import org.dunbar.formats.twitter.SnapshotTime;
import org.dunbar.formats.twitter.TwitterV1Format;
import org.dunbar.formats.twitter.TwitterV2Format;

/** The input formats a study can name, per input kind; the first of each kind is its default. */
public final class Formats {
  /** Builds a format from the study's time bounds and the input's options. */
  @FunctionalInterface
  interface Factory {
    LineFormat create(TimeBounds bounds, FormatOptions options);
  }

  private static final Map<String, Map<String, Factory>> BY_KIND = kinds();

  /** Formats whose line is an API page of many records: their default max_line_bytes is 64 MiB. */
  private static final Set<String> PAGE_FORMATS = Set.of("twitter-v1", "twitter-v2");

  /** The (kind, format) pairs that read CSV, and so take a delimiter. */
  private static final Set<String> CSV_FORMATS = Set.of("events/canonical", "snapshots/canonical");

  private Formats() {}

  /**
   * The format of an input.
   *
   * @throws IllegalArgumentException when the kind has no format of that name
   */
  public static LineFormat forInput(
      String kind, String format, FormatOptions options, TimeBounds bounds) {
    Factory factory = BY_KIND.getOrDefault(kind, Map.of()).get(format);
    if (factory == null) {
      throw new IllegalArgumentException(
          "unknown "
              + kind
              + " format '"
              + format
              + "'; known formats: "
              + String.join(", ", formatNames(kind)));
    }
    return factory.create(bounds, options);
  }

  /** The event format of that name, with its default options. */
  public static LineFormat events(String name, TimeBounds bounds) {
    return forInput("events", name, FormatOptions.DEFAULTS, bounds);
  }

  /**
   * The SPEC's default max_line_bytes of a format: 64 MiB for formats whose line is an API page of
   * many records (a twarc2 full-archive page of 500 tweets is 1 to 3 MB), 1 MiB for the others.
   */
  public static int defaultMaxLineBytes(String format) {
    return PAGE_FORMATS.contains(format)
        ? NumberedLineReader.DEFAULT_MAX_PAGE_BYTES
        : NumberedLineReader.DEFAULT_MAX_LINE_BYTES;
  }

  /** True when inputs of this kind and format can be CSV, so a delimiter applies to them. */
  public static boolean readsCsv(String kind, String format) {
    return CSV_FORMATS.contains(kind + "/" + format);
  }

  /** The names of a kind's formats, in the order they are documented; the first is the default. */
  public static List<String> formatNames(String kind) {
    return List.copyOf(BY_KIND.getOrDefault(kind, Map.of()).keySet());
  }

  public static List<String> eventFormatNames() {
    return formatNames("events");
  }

  /** The account snapshot format, comma separated. */
  public static LineFormat snapshots(TimeBounds bounds) {
    return new SnapshotCsv(bounds, FormatOptions.DEFAULTS.delimiter());
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
    events.put("canonical", (bounds, options) -> new CanonicalEvents(bounds, options.delimiter()));
    events.put("snap-activity", (bounds, options) -> new SnapActivity(bounds));
    events.put("snap-messages", (bounds, options) -> new SnapMessages(bounds));
    events.put(
        "twitter-v1",
        (bounds, options) ->
            new TwitterV1Format(
                bounds,
                snapshotTime(options.snapshotTime(), TwitterV1Format.DEFAULT_SNAPSHOT_TIME),
                options.retrievedAt()));
    events.put(
        "twitter-v2",
        (bounds, options) ->
            new TwitterV2Format(
                bounds,
                snapshotTime(options.snapshotTime(), TwitterV2Format.DEFAULT_SNAPSHOT_TIME),
                options.retrievedAt()));
    events.put(
        "bluesky-jetstream",
        (bounds, options) ->
            new BlueskyJetstreamFormat(
                bounds,
                options.eventTime() == null
                    ? BlueskyJetstreamFormat.DEFAULT_EVENT_TIME
                    : EventTime.of(options.eventTime())));
    events.put("reddit", (bounds, options) -> new RedditFormat(bounds));
    Map<String, Map<String, Factory>> kinds = new LinkedHashMap<>();
    kinds.put("events", Collections.unmodifiableMap(events));
    kinds.put(
        "snapshots",
        Map.of("canonical", (bounds, options) -> new SnapshotCsv(bounds, options.delimiter())));
    kinds.put("baseline", Map.of("edge-list", (bounds, options) -> baseline()));
    return Collections.unmodifiableMap(kinds);
  }
}
