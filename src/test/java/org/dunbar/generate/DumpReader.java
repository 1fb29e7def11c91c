package org.dunbar.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Reads a generated dump back, as a pipeline would find it on disk. */
final class DumpReader {
  /** A physical line of an event file. */
  record Line(String file, int number, String text) {}

  /** A row of snapshots.csv. */
  record Snapshot(String account, long micros, long followers) {}

  private DumpReader() {}

  /** Event lines in (file path, line) order. */
  static List<Line> eventLines(Path out) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(out.resolve("events"))) {
      files = listing.sorted().toList();
    }
    List<Line> lines = new ArrayList<>();
    for (Path file : files) {
      try (BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(
                  new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
        int number = 0;
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
          lines.add(new Line(file.getFileName().toString(), ++number, text));
        }
      }
    }
    return lines;
  }

  /** The valid events, each physical line once (duplicates not removed). */
  static List<Ev> events(Path out) throws IOException {
    List<Ev> events = new ArrayList<>();
    for (Line line : eventLines(out)) {
      LineCheck.Result result = LineCheck.check(line.text());
      if (result.reason() == null) {
        events.add(result.event());
      }
    }
    return events;
  }

  /** Baseline edges as {follower, followee}. */
  static List<String[]> baseline(Path out) throws IOException {
    List<String[]> edges = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve("baseline/edges.txt"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        edges.add(line.trim().split("\\s+"));
      }
    }
    return edges;
  }

  static List<Snapshot> snapshots(Path out) throws IOException {
    List<String> rows = Files.readAllLines(out.resolve("snapshots/snapshots.csv"));
    List<Snapshot> snapshots = new ArrayList<>();
    for (String row : rows.subList(1, rows.size())) {
      String[] cells = row.split(",");
      Instant ts = Instant.parse(cells[1]);
      snapshots.add(
          new Snapshot(cells[0], ts.getEpochSecond() * 1_000_000L, Long.parseLong(cells[2])));
    }
    return snapshots;
  }
}
