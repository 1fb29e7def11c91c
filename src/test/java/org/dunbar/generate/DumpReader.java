package org.dunbar.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dunbar.canonical.Decompression;
import org.dunbar.formats.Formats;
import org.dunbar.formats.LineFormat;
import org.dunbar.formats.NameSighting;
import org.dunbar.formats.NumberedLine;
import org.dunbar.formats.NumberedLineReader;
import org.dunbar.formats.Reasons;
import org.dunbar.formats.RecordSink;
import org.dunbar.formats.TimeBounds;
import org.dunbar.records.BaselineEdge;
import org.dunbar.records.Event;
import org.dunbar.records.Snapshot;

/**
 * Reads a generated dump back with the product's own readers ({@code org.dunbar.formats}, the study
 * defaults: not_before 2000-01-01, no not_after), so the generator is judged by what a run accepts
 * and rejects, not by a second reading of the SPEC.
 */
final class DumpReader implements RecordSink {
  private static final TimeBounds DEFAULT_BOUNDS =
      new TimeBounds(Instant.parse("2000-01-01T00:00:00Z").toEpochMilli() * 1_000, null);

  /**
   * What the reader made of a kind's files.
   *
   * @param events accepted events in (file, line) order, duplicates kept
   * @param rejections the label of each rejected record (e.g. {@code missing_field actor})
   * @param lines physical lines read
   */
  record Read(
      List<Ev> events,
      List<Snapshot> snapshots,
      List<BaselineEdge> edges,
      List<String> rejections,
      long lines) {}

  private final List<Ev> events = new ArrayList<>();
  private final List<Snapshot> snapshots = new ArrayList<>();
  private final List<BaselineEdge> edges = new ArrayList<>();
  private final List<String> rejections = new ArrayList<>();
  private long lines;

  private DumpReader() {}

  /** The canonical event files under {@code out/events}. */
  static Read events(Path out) throws IOException {
    return events(out, "canonical");
  }

  /** The event files under {@code out/events}, read as {@code format} with its defaults. */
  static Read events(Path out, String format) throws IOException {
    return read(out.resolve("events"), Formats.events(format, DEFAULT_BOUNDS));
  }

  /** The snapshot CSV under {@code out/snapshots}. */
  static Read snapshots(Path out) throws IOException {
    return read(out.resolve("snapshots"), Formats.snapshots(DEFAULT_BOUNDS));
  }

  /** The baseline edge list under {@code out/baseline}. */
  static Read baseline(Path out) throws IOException {
    return read(out.resolve("baseline"), Formats.baseline());
  }

  /** Every file of {@code dir}, by name, as a run reads it: header, comments, records. */
  private static Read read(Path dir, LineFormat format) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.sorted().toList();
    }
    DumpReader sink = new DumpReader();
    for (Path file : files) {
      String name = file.getFileName().toString();
      boolean awaitingHeader = format.hasHeader(name);
      String header = null;
      try (NumberedLineReader reader =
          new NumberedLineReader(
              Decompression.open(name, () -> Files.newInputStream(file)),
              format.framing(name),
              NumberedLineReader.DEFAULT_MAX_LINE_BYTES)) {
        for (NumberedLine line = reader.next(); line != null; line = reader.next()) {
          sink.lines++;
          String text = new String(line.bytes(), StandardCharsets.UTF_8);
          if (format.skipsHashComments() && text.stripLeading().startsWith("#")) {
            continue;
          }
          if (awaitingHeader) {
            header = text;
            awaitingHeader = false;
            continue;
          }
          format.parse(name, line.number(), text, header, sink);
        }
      }
    }
    return new Read(sink.events, sink.snapshots, sink.edges, sink.rejections, sink.lines);
  }

  @Override
  public void event(Event e) {
    events.add(Ev.of(e));
  }

  @Override
  public void snapshot(Snapshot snapshot) {
    snapshots.add(snapshot);
  }

  @Override
  public void edge(BaselineEdge edge) {
    edges.add(edge);
  }

  @Override
  public void accountName(NameSighting sighting) {
    throw new AssertionError("the generator's formats name no account: " + sighting);
  }

  @Override
  public void snapshotWithoutMoment() {
    throw new AssertionError("canonical snapshots always have their moment");
  }

  @Override
  public void accepted() {}

  @Override
  public void rejected(String reason, String detail, String raw) {
    rejections.add(Reasons.label(reason, detail));
  }

  @Override
  public void skipped(String kind) {
    throw new AssertionError("the generator writes no records to skip: " + kind);
  }
}
