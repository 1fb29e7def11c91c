package org.dunbar.formats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The input formats a study can name. */
public final class Formats {
  private static final Map<String, Function<TimeBounds, LineFormat>> EVENT_FORMATS = eventFormats();

  private Formats() {}

  /**
   * The event format of that name.
   *
   * @throws IllegalArgumentException when no event format has that name
   */
  public static LineFormat events(String name, TimeBounds bounds) {
    Function<TimeBounds, LineFormat> format = EVENT_FORMATS.get(name);
    if (format == null) {
      throw new IllegalArgumentException(
          "unknown event format '"
              + name
              + "'; known formats: "
              + String.join(", ", eventFormatNames()));
    }
    return format.apply(bounds);
  }

  /** The names of the event formats, in the order they are documented. */
  public static List<String> eventFormatNames() {
    return List.copyOf(EVENT_FORMATS.keySet());
  }

  /** The account snapshot format. */
  public static LineFormat snapshots(TimeBounds bounds) {
    return new SnapshotCsv(bounds);
  }

  /** The baseline follow graph format (also reads a SNAP edge list). */
  public static LineFormat baseline() {
    return new EdgeList();
  }

  private static Map<String, Function<TimeBounds, LineFormat>> eventFormats() {
    Map<String, Function<TimeBounds, LineFormat>> formats = new LinkedHashMap<>();
    formats.put("canonical", CanonicalEvents::new);
    formats.put("snap-activity", SnapActivity::new);
    formats.put("snap-messages", SnapMessages::new);
    // Adapters of further export formats (the Twitter API v1.1 and v2 adapters) register here,
    // under the name a study's inputs use.
    return Collections.unmodifiableMap(formats);
  }
}
