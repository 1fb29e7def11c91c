package org.dunbar.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dunbar.formats.Formats;

/**
 * Every study parameter, declared once: its study-file key, its flag, the type of its value as the
 * help shows it, its default and its one-line help, and the SPEC section that defines it. {@link
 * Study} reads the study file's keys from here (and literal defaults go through the same checks as
 * a given value), {@link StudyArguments} its flags, {@link Cli} the help's "Study flags", and a
 * test holds the README's parameter table to exactly these keys, flags and defaults.
 */
public enum StudyParameter {
  NAME(
      Place.FIELD,
      "name",
      "NAME",
      literal("study"),
      "study name: output goes to OUTPUT/NAME/runs/RUN_ID",
      "Output layout and publication"),
  OUTPUT(
      Place.FIELD, "output", "DIR", literal("out"), "output root", "Output layout and publication"),
  EVENTS(
      Place.INPUT_LIST,
      "inputs.events[]",
      "GLOB",
      described("(required)"),
      "event input(s); repeatable or comma-separated; replaces the file's",
      "Input"),
  EVENTS_FORMAT(
      Place.EVENT_INPUT,
      "inputs.events[].format",
      "F",
      described("canonical"),
      String.join(" | ", Formats.formatNames("events")),
      "Real export formats",
      "events-format"),
  SNAPSHOT_TIME(
      Place.EVENT_INPUT,
      "inputs.events[].snapshot_time",
      "T",
      described("per format"),
      "created | retrieved: when a tweet's follower counts were observed",
      "Real export formats"),
  RETRIEVED_AT(
      Place.EVENT_INPUT,
      "inputs.events[].retrieved_at",
      "T",
      described("none"),
      "Twitter inputs: when fetched, an ISO-8601 instant or file-mtime",
      "Real export formats"),
  EVENT_TIME(
      Place.EVENT_INPUT,
      "inputs.events[].event_time",
      "T",
      described("time_us"),
      "time_us | created: when a Bluesky Jetstream event happened",
      "Real export formats"),
  DELIMITER(
      Place.EVENT_INPUT,
      "inputs.*[].delimiter",
      "D",
      described(","),
      "CSV inputs: , | ; | tab",
      "Canonical events"),
  MAX_LINE_BYTES(
      Place.EVENT_INPUT,
      "inputs.*[].max_line_bytes",
      "N",
      described("1048576; 67108864 for twitter-v1, twitter-v2"),
      "longest record of an input",
      "Canonical events"),
  SNAPSHOTS(
      Place.INPUT_LIST,
      "inputs.snapshots[]",
      "GLOB",
      described("none"),
      "follower-count snapshot CSV input(s)",
      "Canonical account snapshots"),
  BASELINE(
      Place.INPUT_LIST,
      "inputs.baseline[]",
      "GLOB",
      described("none"),
      "baseline follow graph input(s): 'follower followee' lines",
      "Baseline follow graph"),
  PERIOD(Place.FIELD, "period", "P", literal("week"), "day | week | month", "Time and periods"),
  LOOKBACK_DAYS(
      Place.FIELD,
      "lookback_days",
      "N",
      literal("30"),
      "attribution lookback",
      "Follower growth in context"),
  CHURN_DAYS(
      Place.FIELD,
      "churn_days",
      "N",
      literal("7"),
      "churn threshold",
      "Follower growth in context"),
  BURST_MIN(
      Place.FIELD,
      "burst_min",
      "N",
      literal("20"),
      "burst rule minimum",
      "Follower growth in context"),
  BURST_FACTOR(
      Place.FIELD,
      "burst_factor",
      "X",
      literal("5"),
      "burst rule factor over the 28-day median",
      "Follower growth in context"),
  REPLY_WINDOW_DAYS(
      Place.FIELD, "reply_window_days", "N", literal("7"), "reply-back window", "Engagement"),
  AUDIENCE_BANDS(
      Place.FIELD,
      "audience_bands",
      "B,B,...",
      literal("5,15,50,150,500,1500,5000,50000"),
      "audience band upper bounds",
      "Engagement"),
  NOT_BEFORE(
      Place.FIELD,
      "not_before",
      "T",
      literal("2000-01-01T00:00:00Z"),
      "start of the accepted time range, ISO-8601 with offset",
      "Canonical events"),
  NOT_AFTER(
      Place.FIELD,
      "not_after",
      "T",
      described("none"),
      "end of the accepted time range (inclusive), ISO-8601 with offset",
      "Canonical events"),
  RUNNER(
      Place.FIELD,
      "runner",
      "R",
      literal("flink"),
      "flink (embedded unless --flink-master) | direct",
      "Runners"),
  FLINK_MASTER(
      Place.FIELD,
      "flink_master",
      "HOST:PORT",
      described("embedded"),
      "run on a Flink cluster",
      "Runners"),
  PARALLELISM(
      Place.FIELD, "parallelism", "N", described("number of cores"), "parallel workers", "Runners"),
  MAX_REJECTED_FRACTION(
      Place.FIELD,
      "max_rejected_fraction",
      "X",
      literal("0.01"),
      "fail (exit 4) when more records, or more bytes, are rejected",
      "Accounting"),
  PSEUDONYMIZE_KEY(
      Place.KEY_FILE,
      "pseudonymize.key_file",
      "FILE",
      described("off"),
      "publish keyed pseudonyms (HMAC-SHA-256) instead of account and post ids; FILE holds the"
          + " secret and must not be world-readable",
      "README: Sharing results",
      "pseudonymize-key"),
  MIN_CELL(
      Place.FIELD,
      "min_cell",
      "N",
      described("off"),
      "null the measures of aggregate rows describing fewer than N accounts (N follows for"
          + " cohorts)",
      "README: Sharing results");

  /** Where a parameter lives in the study file, which decides what its flag does. */
  enum Place {
    /** A top-level field: the flag sets it. */
    FIELD,
    /** An input list, {@code inputs.KIND}: the flag replaces it with its globs. */
    INPUT_LIST,
    /** A field of an input entry: the flag sets it on every event input. */
    EVENT_INPUT,
    /** {@code pseudonymize.key_file}: the flag sets it. */
    KEY_FILE
  }

  /**
   * A default as the help and README show it; {@code literal} when it is a value the study parser
   * reads exactly as if it had been given, otherwise the parser works it out (per format, cores).
   */
  public record Default(String text, boolean literal) {}

  private static final int HELP_WIDTH = 100;
  private static final int HELP_COLUMN = 30;

  private final Place place;
  private final String key;
  private final String type;
  private final Default fallback;
  private final String help;
  private final String specSection;
  private final String flag;

  StudyParameter(
      Place place, String key, String type, Default fallback, String help, String specSection) {
    this(place, key, type, fallback, help, specSection, null);
  }

  StudyParameter(
      Place place,
      String key,
      String type,
      Default fallback,
      String help,
      String specSection,
      String flag) {
    this.place = place;
    this.key = key;
    this.type = type;
    this.fallback = fallback;
    this.help = help;
    this.specSection = specSection;
    this.flag = flag != null ? flag : lastName(key).replace('_', '-');
  }

  private static Default literal(String text) {
    return new Default(text, true);
  }

  private static Default described(String text) {
    return new Default(text, false);
  }

  /**
   * The key's last name: {@code format} of {@code inputs.events[].format}, {@code events} of {@code
   * inputs.events[]}.
   */
  private static String lastName(String key) {
    String name = key.endsWith("[]") ? key.substring(0, key.length() - 2) : key;
    return name.substring(name.lastIndexOf('.') + 1);
  }

  Place place() {
    return place;
  }

  /** The study-file key as the README writes it, e.g. {@code inputs.*[].delimiter}. */
  public String key() {
    return key;
  }

  /** The flag without its dashes, e.g. {@code lookback-days}. */
  public String flag() {
    return flag;
  }

  /** The default as the help and README show it. */
  public Default fallback() {
    return fallback;
  }

  /**
   * The heading of the SPEC section that defines the parameter, or {@code README: } and the
   * README's section for a parameter the SPEC does not have.
   */
  public String specSection() {
    return specSection;
  }

  /** The field of an input entry ({@link Place#EVENT_INPUT}), or the kind of an input list. */
  String inputName() {
    return lastName(key);
  }

  /** The literal default, which the parser reads as a given value. */
  String literalDefault() {
    if (!fallback.literal()) {
      throw new IllegalStateException(key + " has no literal default");
    }
    return fallback.text();
  }

  /** The top-level study fields: each {@link Place#FIELD}, {@code inputs}, {@code pseudonymize}. */
  static Set<String> topLevelFields() {
    Set<String> fields = new LinkedHashSet<>();
    for (StudyParameter p : values()) {
      fields.add(p.place == Place.FIELD ? p.key : p.key.substring(0, p.key.indexOf('.')));
    }
    return fields;
  }

  /** The parameters in one place. */
  static List<StudyParameter> in(Place place) {
    return Stream.of(values()).filter(p -> p.place == place).toList();
  }

  /** The parameter whose flag is {@code flag} (without dashes), or null. */
  static StudyParameter ofFlag(String flag) {
    return Stream.of(values()).filter(p -> p.flag.equals(flag)).findFirst().orElse(null);
  }

  /** Every flag, sorted, with its dashes: {@code --baseline, --burst-factor, ...}. */
  static String flagList() {
    return Stream.of(values()).map(p -> "--" + p.flag).sorted().collect(Collectors.joining(", "));
  }

  /** The help's "Study flags" lines: flag and type, then help and default, wrapped at 100. */
  static String helpLines() {
    StringBuilder out = new StringBuilder();
    for (StudyParameter p : values()) {
      String head = "  --" + p.flag + " " + p.type;
      String shown = p.fallback.text();
      String tail = shown.startsWith("(") ? " " + shown : " (default " + shown + ")";
      List<String> lines = wrap(p.help + tail, HELP_WIDTH - HELP_COLUMN);
      out.append(
              head.length() < HELP_COLUMN
                  ? head + " ".repeat(HELP_COLUMN - head.length()) + lines.get(0)
                  : head + "\n" + " ".repeat(HELP_COLUMN) + lines.get(0))
          .append('\n');
      lines
          .subList(1, lines.size())
          .forEach(line -> out.append(" ".repeat(HELP_COLUMN)).append(line).append('\n'));
    }
    return out.toString();
  }

  /** Splits text at spaces into lines of at most {@code width} characters (longer words whole). */
  private static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    lines.add(line.toString());
    return lines;
  }
}
