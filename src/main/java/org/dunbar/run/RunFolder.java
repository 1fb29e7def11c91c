package org.dunbar.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One run folder {@code OUTPUT/NAME/runs/RUN_ID/} as its manifest describes it.
 *
 * @param study the study name (the folder above {@code runs})
 * @param id the run id (the folder's name)
 * @param status {@code published} or {@code failed} as the manifest says; {@code incomplete} when
 *     there is no readable manifest (a run in progress, or one killed before it wrote one)
 * @param started the manifest's start; for an incomplete run, the time in a dunbar-made id, else
 *     the folder's modification time
 * @param duration end minus start; null for an incomplete run
 * @param eventsRead event records read ({@code accounting.events.read}); null for an incomplete run
 * @param latest true for the run {@code OUTPUT/NAME/LATEST} names
 */
public record RunFolder(
    String study,
    String id,
    Path dir,
    String status,
    Instant started,
    Duration duration,
    Long eventsRead,
    boolean latest) {
  public static final String INCOMPLETE = "incomplete";
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** The runs of one study folder, oldest first; none when it has no {@code runs} folder. */
  public static List<RunFolder> list(Path studyDir) throws IOException {
    Path runs = studyDir.resolve("runs");
    if (!Files.isDirectory(runs)) {
      return List.of();
    }
    String latest = latest(studyDir);
    List<RunFolder> folders = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(runs)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        folders.add(
            read(
                studyDir.getFileName().toString(),
                dir,
                dir.getFileName().toString().equals(latest)));
      }
    }
    folders.sort(Comparator.comparing(RunFolder::started).thenComparing(RunFolder::id));
    return folders;
  }

  /** The study folders under an output root that hold runs, by name. */
  public static List<Path> studies(Path output) throws IOException {
    if (!Files.isDirectory(output)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(output)) {
      return dirs.filter(d -> Files.isDirectory(d.resolve("runs"))).sorted().toList();
    }
  }

  /** The run id LATEST names, or null when nothing was published. */
  static String latest(Path studyDir) throws IOException {
    Path latest = studyDir.resolve("LATEST");
    return Files.isRegularFile(latest)
        ? Files.readString(latest, StandardCharsets.UTF_8).strip()
        : null;
  }

  private static RunFolder read(String study, Path dir, boolean latest) throws IOException {
    String id = dir.getFileName().toString();
    JsonNode manifest = manifest(dir.resolve("_manifest.json"));
    if (manifest == null) {
      return new RunFolder(
          study, id, dir, INCOMPLETE, startOfIncomplete(id, dir), null, null, latest);
    }
    Instant started = Instant.parse(manifest.path("started_at").asText());
    Instant ended = Instant.parse(manifest.path("ended_at").asText());
    JsonNode read = manifest.path("accounting").path("events").path("read");
    return new RunFolder(
        study,
        id,
        dir,
        manifest.path("status").asText(INCOMPLETE),
        started,
        Duration.between(started, ended),
        read.isNumber() ? read.asLong() : null,
        latest);
  }

  /** The manifest, or null when there is none or it cannot be parsed (a write cut short). */
  private static JsonNode manifest(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    // A manifest that cannot be parsed, or lacks its times, means the run never finished writing
    // it.
    try {
      JsonNode node = new ObjectMapper().readTree(file.toFile());
      if (node == null) {
        return null;
      }
      Instant.parse(node.path("started_at").asText());
      Instant.parse(node.path("ended_at").asText());
      return node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException | DateTimeParseException e) {
      return null;
    }
  }

  private static Instant startOfIncomplete(String id, Path dir) throws IOException {
    if (id.length() > 16) {
      try {
        return Instant.from(ID_TIME.parse(id.substring(0, 16)));
      } catch (DateTimeParseException e) {
        // A scheduler's own id says no time: the folder's own time stands in for it.
      }
    }
    return Files.getLastModifiedTime(dir).toInstant();
  }
}
