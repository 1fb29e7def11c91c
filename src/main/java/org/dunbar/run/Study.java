package org.dunbar.run;

import static org.dunbar.run.StudyParameter.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dunbar.analysis.AnalysisParams;
import org.dunbar.analysis.PeriodUnit;
import org.dunbar.formats.Formats;
import org.dunbar.formats.NumberedLineReader;
import org.dunbar.formats.TimeBounds;
import org.dunbar.formats.Timestamps;
import org.dunbar.formats.bluesky.EventTime;
import org.dunbar.privacy.PseudonymKey;

/**
 * Everything a run needs to know, resolved and validated: the SPEC's parameters with their
 * defaults, the inputs, and where and how to run. Built only by {@link #fromTree}, so a study file
 * and command-line flags go through the same checks.
 */
public record Study(
    String name,
    String output,
    AnalysisParams analysis,
    Instant notBefore,
    Instant notAfter,
    List<InputSpec> inputs,
    String runner,
    String flinkMaster,
    int parallelism,
    double maxRejectedFraction,
    PseudonymKey pseudonymize,
    Long minCell)
    implements Serializable {

  public static final List<Long> DEFAULT_BANDS =
      bands(StudyParameter.AUDIENCE_BANDS.literalDefault().split(","));
  public static final Set<String> RUNNERS = Set.of("direct", "flink");
  static final List<String> KINDS = List.of("events", "snapshots", "baseline");

  /** The fields of one input entry: its path and the event-input parameters. */
  static final Set<String> INPUT_FIELDS =
      Stream.concat(
              Stream.of("path"),
              StudyParameter.in(StudyParameter.Place.EVENT_INPUT).stream()
                  .map(StudyParameter::inputName))
          .collect(Collectors.toUnmodifiableSet());

  /** The formats whose user objects are follower-count snapshots, and so take retrieved_at. */
  static final Set<String> TWITTER_FORMATS = Set.of("twitter-v1", "twitter-v2");

  static final int MAX_DAYS = 36_525;
  private static final Set<String> DELIMITERS = Set.of(",", ";", "\t");
  private static final Set<String> FIELDS = StudyParameter.topLevelFields();

  /** Reads a study from its tree form (a parsed study file with flags already merged in). */
  public static Study fromTree(ObjectNode tree) {
    for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!FIELDS.contains(field)) {
        throw new StudyException(
            field,
            "unknown field; known fields are "
                + String.join(", ", FIELDS.stream().sorted().toList()));
      }
    }
    String name = text(tree, NAME);
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw new StudyException(
          "name", "'" + name + "' must be letters, digits, '.', '_' or '-' (it names a folder)");
    }
    PeriodUnit period = choice(tree, PERIOD, PeriodUnit.class);
    int lookback = days(tree, LOOKBACK_DAYS);
    int churn = days(tree, CHURN_DAYS);
    long burstMin = positiveInt(tree, BURST_MIN);
    double burstFactor = number(tree, BURST_FACTOR, 0.0);
    int replyWindow = days(tree, REPLY_WINDOW_DAYS);
    List<Long> bands = bands(tree);
    Instant notBefore = instant(tree, NOT_BEFORE.key(), NOT_BEFORE.literalDefault());
    Instant notAfter = instant(tree, NOT_AFTER.key(), null);
    if (notAfter != null && notAfter.isBefore(notBefore)) {
      throw new StudyException("not_after", notAfter + " is before not_before " + notBefore);
    }
    String runner = text(tree, RUNNER).toLowerCase(Locale.ROOT);
    if (!RUNNERS.contains(runner)) {
      throw new StudyException("runner", "'" + runner + "' is not one of direct, flink");
    }
    JsonNode master = scalar(tree, FLINK_MASTER.key(), FLINK_MASTER.key());
    String flinkMaster =
        master == null || master.isNull() || master.asText().isEmpty() ? null : master.asText();
    int parallelism =
        tree.has(PARALLELISM.key())
            ? positiveInt(tree, PARALLELISM)
            : Runtime.getRuntime().availableProcessors();
    double maxRejected = number(tree, MAX_REJECTED_FRACTION, 0.0);
    if (maxRejected > 1.0) {
      throw new StudyException(
          "max_rejected_fraction", maxRejected + " is not a fraction between 0 and 1");
    }
    AnalysisParams analysis =
        new AnalysisParams(period, lookback, churn, burstMin, burstFactor, replyWindow, bands);
    Long minCell = tree.hasNonNull(MIN_CELL.key()) ? (long) positiveInt(tree, MIN_CELL) : null;
    return new Study(
        name,
        text(tree, OUTPUT),
        analysis,
        notBefore,
        notAfter,
        inputs(tree),
        runner,
        flinkMaster,
        parallelism,
        maxRejected,
        pseudonymKey(tree),
        minCell);
  }

  /** {@code pseudonymize: {key_file: PATH}}: the key is read and checked here, before any work. */
  private static PseudonymKey pseudonymKey(ObjectNode tree) {
    JsonNode node = tree.get("pseudonymize");
    if (node == null || node.isNull()) {
      return null;
    }
    JsonNode file = node.get("key_file");
    if (!node.isObject() || node.size() != 1 || file == null || file.asText().isEmpty()) {
      throw new StudyException(
          "pseudonymize",
          "must be a mapping with one field, key_file: PATH (or --pseudonymize-key=PATH)");
    }
    try {
      return PseudonymKey.load(java.nio.file.Path.of(file.asText()));
    } catch (PseudonymKey.KeyFileException e) {
      throw new StudyException("pseudonymize.key_file", e.getMessage());
    }
  }

  public TimeBounds timeBounds() {
    return new TimeBounds(
        Timestamps.micros(notBefore), notAfter == null ? null : Timestamps.micros(notAfter));
  }

  public List<InputSpec> inputs(String kind) {
    return inputs.stream().filter(i -> i.kind().equals(kind)).toList();
  }

  private static List<InputSpec> inputs(ObjectNode tree) {
    JsonNode node = tree.get("inputs");
    List<InputSpec> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      throw new StudyException(
          "inputs", "no inputs: give at least inputs.events (or --events=GLOB)");
    }
    if (!node.isObject()) {
      throw new StudyException("inputs", "must be a mapping with keys " + String.join(", ", KINDS));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String kind = e.getKey();
      if (!KINDS.contains(kind)) {
        throw new StudyException(
            "inputs." + kind, "unknown input kind; allowed: " + String.join(", ", KINDS));
      }
      if (!e.getValue().isArray()) {
        throw new StudyException("inputs." + kind, "must be a list of {path, format} entries");
      }
      int i = 0;
      for (JsonNode entry : e.getValue()) {
        out.add(input(kind, "inputs." + kind + "[" + i++ + "]", entry));
      }
    }
    if (out.stream().noneMatch(i -> i.kind().equals("events"))) {
      throw new StudyException(
          "inputs.events", "no event input: give at least one (or --events=GLOB)");
    }
    return List.copyOf(out);
  }

  private static InputSpec input(String kind, String field, JsonNode entry) {
    if (!entry.isObject()) {
      throw new StudyException(
          field, "must be a mapping such as {path: events/*.jsonl, format: canonical}");
    }
    for (Iterator<String> it = entry.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!INPUT_FIELDS.contains(name)) {
        throw new StudyException(
            field + "." + name,
            "unknown input field; known fields are "
                + String.join(", ", INPUT_FIELDS.stream().sorted().toList()));
      }
    }
    for (String key : INPUT_FIELDS) {
      scalar(entry, key, field + "." + key);
    }
    JsonNode path = entry.get("path");
    if (path == null || path.asText().isEmpty()) {
      throw new StudyException(field + ".path", "missing: a file path or glob");
    }
    List<String> allowed = Formats.formatNames(kind);
    JsonNode formatNode = entry.get("format");
    String format =
        formatNode == null || formatNode.isNull() ? allowed.get(0) : formatNode.asText();
    if (!allowed.contains(format)) {
      throw new StudyException(
          field + ".format", "'" + format + "' is not one of " + String.join(", ", allowed));
    }
    JsonNode timeNode = entry.get("snapshot_time");
    String time = timeNode == null || timeNode.isNull() ? null : timeNode.asText();
    if (time != null && !Set.of("created", "retrieved").contains(time)) {
      throw new StudyException(
          field + ".snapshot_time", "'" + time + "' is not one of created, retrieved");
    }
    JsonNode eventTimeNode = entry.get("event_time");
    String eventTime =
        eventTimeNode == null || eventTimeNode.isNull() ? null : eventTimeNode.asText();
    if (eventTime != null) {
      try {
        EventTime.of(eventTime);
      } catch (IllegalArgumentException e) {
        throw new StudyException(field + ".event_time", e.getMessage());
      }
    }
    String retrievedAt = retrievedAt(format, field, entry.get("retrieved_at"));
    if (retrievedAt != null && "created".equals(time)) {
      throw new StudyException(
          field + ".retrieved_at",
          "dates the counts at retrieval, which snapshot_time 'created' contradicts:"
              + " drop one of them");
    }
    return new InputSpec(
        kind,
        path.asText(),
        format,
        retrievedAt != null ? "retrieved" : time,
        eventTime,
        delimiter(kind, format, field, entry.get("delimiter")),
        maxLineBytes(format, field, entry.get("max_line_bytes")),
        retrievedAt);
  }

  /**
   * A Twitter input's retrieval time: {@value InputSpec#FILE_MTIME} or an ISO-8601 instant with
   * offset, as given; null when absent. It makes the input's snapshot_time {@code retrieved}.
   */
  private static String retrievedAt(String format, String field, JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!TWITTER_FORMATS.contains(format)) {
      throw new StudyException(
          field + ".retrieved_at",
          "applies only to Twitter inputs (twitter-v1, twitter-v2), not to format '"
              + format
              + "'");
    }
    String given = node.asText();
    if (!given.equals(InputSpec.FILE_MTIME)) {
      parseInstant(field + ".retrieved_at", given, InputSpec.FILE_MTIME + " or ");
    }
    return given;
  }

  /**
   * The CSV delimiter: ',' by default for formats that read CSV, ';' or a tab when given; null for
   * other formats.
   */
  private static String delimiter(String kind, String format, String field, JsonNode node) {
    boolean csv = Formats.readsCsv(kind, format);
    if (node == null || node.isNull()) {
      return csv ? "," : null;
    }
    if (!csv) {
      throw new StudyException(
          field + ".delimiter",
          "applies only to CSV inputs (canonical events and snapshots), not to "
              + kind
              + " format '"
              + format
              + "'");
    }
    String given = node.asText();
    String delimiter = given.equalsIgnoreCase("tab") ? "\t" : given;
    if (!DELIMITERS.contains(delimiter)) {
      throw new StudyException(field + ".delimiter", "'" + given + "' is not one of ',', ';', tab");
    }
    return delimiter;
  }

  /** The longest record in bytes: given, or the format's default. */
  private static int maxLineBytes(String format, String field, JsonNode node) {
    if (node == null || node.isNull()) {
      return Formats.defaultMaxLineBytes(format);
    }
    long value =
        parse(field + ".max_line_bytes", node.asText(), Long::parseLong, "a whole number of bytes");
    if (value < 1 || value > NumberedLineReader.LARGEST_MAX_LINE_BYTES) {
      throw new StudyException(
          field + ".max_line_bytes",
          value
              + " is not between 1 and "
              + NumberedLineReader.LARGEST_MAX_LINE_BYTES
              + " (1 GiB)");
    }
    return (int) value;
  }

  private static List<Long> bands(ObjectNode tree) {
    JsonNode node = tree.get("audience_bands");
    if (node == null || node.isNull()) {
      return DEFAULT_BANDS;
    }
    // A YAML list, or the flag's comma-separated text.
    List<String> items = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(item -> items.add(item.asText()));
    } else {
      items.addAll(List.of(node.asText().split(",")));
    }
    return bands(items.toArray(String[]::new));
  }

  /** Band upper bounds from their text: whole numbers, non-negative, strictly increasing. */
  private static List<Long> bands(String... items) {
    List<Long> bands = new ArrayList<>();
    for (String item : items) {
      long bound = parse("audience_bands", item, Long::parseLong, "whole numbers");
      if (bound < 0 || (!bands.isEmpty() && bound <= bands.get(bands.size() - 1))) {
        throw new StudyException(
            "audience_bands",
            "upper bounds must be non-negative and strictly increasing; got "
                + String.join(",", items));
      }
      bands.add(bound);
    }
    if (bands.isEmpty()) {
      throw new StudyException("audience_bands", "give at least one upper bound, e.g. 5,15,50,150");
    }
    return List.copyOf(bands);
  }

  /** The parameter's text in the tree, or its literal default. */
  private static String text(ObjectNode tree, StudyParameter parameter) {
    JsonNode n = scalar(tree, parameter.key(), parameter.key());
    return n == null || n.isNull() ? parameter.literalDefault() : n.asText();
  }

  /**
   * The value of {@code key} in {@code node}, which must be a single value: a list or mapping where
   * one value belongs would otherwise be read as empty text ({@code output: [a, b]} as "").
   *
   * @param field the key's full name for the message, e.g. inputs.events[0].path
   */
  static JsonNode scalar(JsonNode node, String key, String field) {
    JsonNode value = node.get(key);
    if (value != null && value.isContainerNode()) {
      throw new StudyException(
          field, "must be a single value, not a " + (value.isArray() ? "list" : "mapping"));
    }
    return value;
  }

  private static <E extends Enum<E>> E choice(
      ObjectNode tree, StudyParameter field, Class<E> type) {
    String value = text(tree, field);
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> allowed =
          java.util.Arrays.stream(type.getEnumConstants())
              .map(c -> c.name().toLowerCase(Locale.ROOT))
              .toList();
      throw new StudyException(
          field.key(), "'" + value + "' is not one of " + String.join(", ", allowed));
    }
  }

  /** A whole number of at least 1: given, or the literal default. */
  private static int positiveInt(ObjectNode tree, StudyParameter parameter) {
    String field = parameter.key();
    String text =
        tree.has(field) ? scalar(tree, field, field).asText() : parameter.literalDefault();
    int value = parse(field, text, Integer::parseInt, "a whole number");
    if (value < 1) {
      throw new StudyException(field, value + " must be at least 1");
    }
    return value;
  }

  /**
   * A span in days, at most {@link #MAX_DAYS}: the replay works in epoch microseconds, where a span
   * of 2^31 days wraps a long, and no dump covers more than a century.
   */
  private static int days(ObjectNode tree, StudyParameter field) {
    int value = positiveInt(tree, field);
    if (value > MAX_DAYS) {
      throw new StudyException(
          field.key(), value + " is more than " + MAX_DAYS + " days (100 years)");
    }
    return value;
  }

  private static double number(ObjectNode tree, StudyParameter parameter, double min) {
    String field = parameter.key();
    String text =
        tree.has(field) ? scalar(tree, field, field).asText() : parameter.literalDefault();
    double value = parse(field, text, Double::parseDouble, "a number");
    if (!(value >= min) || Double.isInfinite(value)) {
      throw new StudyException(field, value + " must be a finite number of at least " + min);
    }
    return value;
  }

  /** An instant given in the tree, else the default text read the same way (null: none). */
  private static Instant instant(ObjectNode tree, String field, String fallback) {
    JsonNode n = scalar(tree, field, field);
    String text = n == null || n.isNull() ? fallback : n.asText();
    if (text == null) {
      return null;
    }
    return parseInstant(field, text, "");
  }

  /**
   * An ISO-8601 instant with offset that fits epoch microseconds.
   *
   * @param alternatives what else the field accepts, named in the error before the instant
   */
  static Instant parseInstant(String field, String text, String alternatives) {
    Instant instant;
    try {
      instant = java.time.OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new StudyException(
          field,
          "'"
              + text
              + "' is not "
              + alternatives
              + "an ISO-8601 instant with offset, e.g. 2000-01-01T00:00:00Z");
    }
    try {
      // Times are compared as epoch microseconds: an instant a long cannot hold would wrap.
      Timestamps.micros(instant);
    } catch (ArithmeticException e) {
      throw new StudyException(
          field,
          "'"
              + text
              + "' is out of range: epoch microseconds must fit"
              + " in 64 bits (years -290308 to 294247)");
    }
    return instant;
  }

  private static <T> T parse(
      String field, String text, Function<String, T> parser, String expected) {
    try {
      return parser.apply(text.trim());
    } catch (NumberFormatException e) {
      throw new StudyException(field, "'" + text + "' is not " + expected);
    }
  }
}
