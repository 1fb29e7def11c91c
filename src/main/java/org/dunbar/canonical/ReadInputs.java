package org.dunbar.canonical;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.dunbar.coders.RecordCoders;
import org.dunbar.formats.Formats;
import org.dunbar.formats.LineFormat;
import org.dunbar.formats.NumberedLine;
import org.dunbar.formats.NumberedLineReader;
import org.dunbar.formats.RawText;
import org.dunbar.formats.Reasons;
import org.dunbar.formats.RecordSink;
import org.dunbar.formats.TimeBounds;
import org.dunbar.records.BaselineEdge;
import org.dunbar.records.Event;
import org.dunbar.records.InputFile;
import org.dunbar.records.Rejected;
import org.dunbar.records.Snapshot;

/**
 * Reads every input file line by line (whole files, so line numbers are exact) and maps each line
 * to canonical records with its format, or to the rejected output with the reason. Each file's
 * counts go to {@link #TALLIES} as {@code <kind>.read}, {@code .accepted}, {@code .rejected}, one
 * {@code <kind>.skipped.<what>} per kind of skipped record (valid input that is no interaction),
 * and the canonical items emitted, with its last event's instant ({@link #LAST_EVENT_TS}).
 */
public final class ReadInputs extends PTransform<PBegin, PCollectionTuple> {
  public static final TupleTag<Event> EVENTS = new TupleTag<>() {};
  public static final TupleTag<Snapshot> SNAPSHOTS = new TupleTag<>() {};
  public static final TupleTag<BaselineEdge> EDGES = new TupleTag<>() {};
  public static final TupleTag<Rejected> REJECTED = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> TALLIES = new TupleTag<>() {};
  /**
   * The tally of the last accepted event's instant (epoch microseconds) in a file: a maximum, not a
   * count, so it is kept apart from the summed tallies.
   */
  public static final String LAST_EVENT_TS = "max.events.ts";

  private final List<InputFile> files;
  private final TimeBounds bounds;

  public ReadInputs(List<InputFile> files, TimeBounds bounds) {
    this.files = files;
    this.bounds = bounds;
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    PCollectionTuple out = begin
        .apply("Input files", Create.of(files).withCoder(AvroCoder.specific(InputFile.class)))
        // Spread the files over workers; Create alone would read them all in one place.
        .apply("Spread files", Reshuffle.viaRandomKey())
        .apply("Read and parse lines", ParDo.of(new ReadFileFn(bounds))
            .withOutputTags(EVENTS, TupleTagList.of(List.of(SNAPSHOTS, EDGES, REJECTED, TALLIES))));
    out.get(EVENTS).setCoder(RecordCoders.event());
    out.get(SNAPSHOTS).setCoder(AvroCoder.specific(Snapshot.class));
    out.get(EDGES).setCoder(AvroCoder.specific(BaselineEdge.class));
    out.get(REJECTED).setCoder(AvroCoder.specific(Rejected.class));
    out.get(TALLIES).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    return out;
  }

  static final class ReadFileFn extends DoFn<InputFile, Event> {
    private final TimeBounds bounds;

    ReadFileFn(TimeBounds bounds) {
      this.bounds = bounds;
    }

    @ProcessElement
    public void process(@Element InputFile file, MultiOutputReceiver out) throws IOException {
      LineFormat format = Formats.forInput(file.getKind(), file.getFormat(), file.getSnapshotTime(), file.getEventTime(), bounds);
      FileSink sink = new FileSink(file, out);
      boolean awaitingHeader = format.hasHeader(file.getPath());
      String header = null;
      try (NumberedLineReader reader = new NumberedLineReader(open(file.getPath()))) {
        for (NumberedLine line = reader.next(); line != null; line = reader.next()) {
          sink.startLine(line);
          String text = line.tooLong() ? null : RawText.decodeStrict(line.bytes());
          if (line.tooLong()) {
            sink.rejected(Reasons.LINE_TOO_LONG, "over " + NumberedLineReader.MAX_LINE_BYTES + " bytes", null);
          } else if (text == null) {
            sink.rejected(Reasons.UNPARSABLE, "invalid UTF-8", null);
          } else if (format.skipsHashComments() && text.stripLeading().startsWith("#")) {
            continue; // comments are not records
          } else if (awaitingHeader) {
            header = text; // a header is not a record either
          } else {
            format.parse(file.getPath(), line.number(), text, header, sink);
            sink.requireRecord();
          }
          // A header that cannot be read still ends the search for one: the rows after it
          // are then rejected one by one rather than taken for a header.
          if (awaitingHeader) {
            awaitingHeader = false;
            header = header == null ? "" : header;
          }
        }
      }
      sink.emitTallies();
    }

    private static InputStream open(String path) throws IOException {
      return Channels.newInputStream(Compression.detect(path).readDecompressed(
          FileSystems.open(FileSystems.matchSingleFileSpec(path).resourceId())));
    }
  }

  /** Routes one file's records to the outputs and counts them. */
  private static final class FileSink implements RecordSink {
    private final InputFile file;
    private final DoFn.MultiOutputReceiver out;
    private NumberedLine line;
    private int recordsOfLine;
    private long accepted;
    private long rejected;
    private final Map<String, Long> skipped = new TreeMap<>();
    private long events;
    private long lastEventTs = Long.MIN_VALUE;
    private long snapshots;
    private long edges;
    private long withoutMoment;

    FileSink(InputFile file, DoFn.MultiOutputReceiver out) {
      this.file = file;
      this.out = out;
    }

    void startLine(NumberedLine line) {
      this.line = line;
      this.recordsOfLine = 0;
    }

    /** A line given to a format must end at least one record, or the accounting would lose it. */
    void requireRecord() {
      if (recordsOfLine == 0) {
        throw new IllegalStateException(file.getPath() + ":" + line.number() + ": the format reported no record for this line");
      }
    }

    @Override
    public void event(Event event) {
      events++;
      lastEventTs = Math.max(lastEventTs, event.getTs());
      out.get(EVENTS).output(event);
    }

    @Override
    public void snapshot(Snapshot snapshot) {
      snapshots++;
      out.get(SNAPSHOTS).output(snapshot);
    }

    @Override
    public void edge(BaselineEdge edge) {
      edges++;
      out.get(EDGES).output(edge);
    }

    @Override
    public void snapshotWithoutMoment() {
      withoutMoment++;
    }

    @Override
    public void accepted() {
      recordsOfLine++;
      accepted++;
    }

    @Override
    public void rejected(String reason, String detail, String raw) {
      recordsOfLine++;
      rejected++;
      RawText text = raw == null ? RawText.of(line.bytes()) : RawText.of(raw);
      out.get(REJECTED).output(Rejected.newBuilder()
          .setSource(file.getPath())
          .setLine(line.number())
          .setKind(file.getKind())
          .setReason(reason)
          .setDetail(detail)
          .setRaw(text.text())
          .setRawTruncated(text.truncated() || line.tooLong())
          .build());
    }

    @Override
    public void skipped(String kind) {
      recordsOfLine++;
      skipped.merge(RecordSink.checkSkipKind(kind), 1L, Long::sum);
    }

    void emitTallies() {
      String kind = file.getKind();
      long skippedRecords = skipped.values().stream().mapToLong(Long::longValue).sum();
      tally(kind + ".read", accepted + rejected + skippedRecords);
      tally(kind + ".accepted", accepted);
      tally(kind + ".rejected", rejected);
      skipped.forEach((what, count) -> tally(kind + ".skipped." + what, count));
      tally("emitted.events", events);
      tally("emitted.snapshots", snapshots);
      tally("emitted.baseline", edges);
      tally("snapshots.without_moment", withoutMoment);
      if (events > 0) {
        tally(LAST_EVENT_TS, lastEventTs);
      }
    }

    private void tally(String name, long value) {
      out.get(TALLIES).output(KV.of(name, value));
    }
  }
}
