package org.dunbar.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where the dump's files go: {@code events/part-NNNNN.jsonl.gz}, {@code snapshots/snapshots.csv}
 * and {@code baseline/edges.txt}. Re-running into the same directory overwrites them; any other
 * file there is refused, since a reader globbing the directory would take it for part of the dump.
 */
final class OutputLayout {
  private final Path events;
  private final Path snapshots;
  private final Path baseline;

  private OutputLayout(Path out) {
    events = out.resolve("events");
    snapshots = out.resolve("snapshots").resolve("snapshots.csv");
    baseline = out.resolve("baseline").resolve("edges.txt");
  }

  static OutputLayout prepare(Path out, int files) throws IOException {
    OutputLayout layout = new OutputLayout(out);
    Set<String> parts = new HashSet<>();
    for (int i = 0; i < files; i++) {
      parts.add(EventFiles.name(i));
    }
    requireOnly(layout.events, parts);
    requireOnly(layout.snapshots.getParent(), Set.of(layout.snapshots.getFileName().toString()));
    requireOnly(layout.baseline.getParent(), Set.of(layout.baseline.getFileName().toString()));
    return layout;
  }

  private static void requireOnly(Path dir, Set<String> expected) throws IOException {
    Files.createDirectories(dir);
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path entry : (Iterable<Path>) entries.sorted()::iterator) {
        if (!expected.contains(entry.getFileName().toString())) {
          throw new IOException(
              entry + " is not a file this run writes; use an empty or earlier --out directory");
        }
      }
    }
  }

  Path events() {
    return events;
  }

  BufferedWriter snapshots() throws IOException {
    return Files.newBufferedWriter(snapshots, StandardCharsets.UTF_8);
  }

  BufferedWriter baseline() throws IOException {
    return Files.newBufferedWriter(baseline, StandardCharsets.UTF_8);
  }
}
