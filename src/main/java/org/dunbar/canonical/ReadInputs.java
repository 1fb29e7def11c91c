package org.dunbar.canonical;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.extensions.avro.io.AvroIO;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.Read;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.RawUnionValue;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.dunbar.coders.Deferred;
import org.dunbar.coders.RecordCoders;
import org.dunbar.coders.SideOutputs;
import org.dunbar.formats.FormatOptions;
import org.dunbar.formats.Formats;
import org.dunbar.formats.LineFormat;
import org.dunbar.formats.NameSighting;
import org.dunbar.formats.NumberedLine;
import org.dunbar.formats.NumberedLineReader;
import org.dunbar.formats.RawText;
import org.dunbar.formats.Reasons;
import org.dunbar.formats.RecordSink;
import org.dunbar.formats.TimeBounds;
import org.dunbar.records.BaselineEdge;
import org.dunbar.records.Event;
import org.dunbar.records.InputFile;
import org.dunbar.records.ReadFault;
import org.dunbar.records.Rejected;
import org.dunbar.records.Snapshot;
import org.dunbar.tables.RejectedRow;

/**
 * Reads every input file whole, record by record (whole files, so line numbers are exact), and maps
 * each record to canonical records with its format, or to the rejected output with the reason. Each
 * file's counts go to {@link #TALLIES}: {@code <kind>.read}, {@code .accepted}, {@code .rejected},
 * one {@code <kind>.skipped.<what>} per kind of skipped record (valid input that is no
 * interaction), {@code <kind>.rejected_by.<label>} per rejection label ({@link Reasons#label}),
 * {@code <kind>.bytes_read} and {@code .bytes_rejected} (the bytes of the records read and
 * rejected), and the canonical items emitted. A file that cannot be read to its end goes to {@link
 * #FAULTS}; what was read of it before is still counted, so the accounting balances.
 */
public final class ReadInputs extends PTransform<PBegin, PCollectionTuple> {
  /**
   * The events read. They are not split off {@link #ALL_OUTPUTS}: routing reads them there ({@link
   * #eventOf}), since its filters are side inputs (see {@link SideOutputs#split(PCollection,
   * String, TupleTag)}). They are {@link Deferred}: the split of the other outputs reads the events
   * too, and passes them over without decoding them.
   */
  public static final TupleTag<Deferred<Event>> EVENTS = new TupleTag<>() {};

  /** Everything read, as one stream of values tagged by output; the events only here. */
  public static final TupleTag<RawUnionValue> ALL_OUTPUTS = new TupleTag<>() {};

  public static final TupleTag<Snapshot> SNAPSHOTS = new TupleTag<>() {};
  public static final TupleTag<BaselineEdge> EDGES = new TupleTag<>() {};
  public static final TupleTag<Rejected> REJECTED = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> TALLIES = new TupleTag<>() {};
  public static final TupleTag<ReadFault> FAULTS = new TupleTag<>() {};

  /**
   * Each file's last accepted event's instant (epoch microseconds), for files with any: a maximum,
   * not a count, so it has its own output rather than a place among the summed tallies.
   */
  public static final TupleTag<Long> LAST_EVENTS = new TupleTag<>() {};

  /** The names the input gives accounts, for the {@code accounts} table only. */
  public static final TupleTag<NameSighting> NAMES = new TupleTag<>() {};

  /**
   * The parent post id of each pending event read ({@link RouteEvents#pendingParent}): routing
   * sends on only the claims of posts among these ({@link PendingParents}).
   */
  public static final TupleTag<String> PENDING_PARENTS = new TupleTag<>() {};

  /**
   * The fingerprints of the explicit ids of the events read, in blocks per file: which ids may
   * repeat ({@link RepeatedIds}).
   */
  public static final TupleTag<IdFingerprints> ID_FINGERPRINTS = new TupleTag<>() {};

  /**
   * Everything the read outputs as one tagged stream, {@link #ALL_OUTPUTS} (see {@link
   * SideOutputs}): the events, and the rest, which is split apart by output.
   */
  static final SideOutputs OUTPUTS =
      SideOutputs.create()
          .and(EVENTS, Deferred.Coder.of(RecordCoders.event()))
          .and(SNAPSHOTS, RecordCoders.snapshot())
          .and(EDGES, RecordCoders.baselineEdge())
          .and(REJECTED, AvroCoder.specific(Rejected.class))
          .and(TALLIES, KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
          .and(FAULTS, AvroCoder.specific(ReadFault.class))
          .and(LAST_EVENTS, VarLongCoder.of())
          .and(NAMES, NameSighting.Coder.of())
          .and(PENDING_PARENTS, StringUtf8Coder.of())
          .and(ID_FINGERPRINTS, IdFingerprints.Coder.of());

  /**
   * Beam counter of the input files' own bytes read so far (compressed bytes for a compressed
   * file), summed over files: progress reports it against the inputs' total size.
   */
  public static final MetricName INPUT_BYTES = MetricName.named(ReadInputs.class, "input_bytes");

  /**
   * Beam counter of the records read so far (accepted, rejected and skipped), summed over files.
   */
  public static final MetricName RECORDS = MetricName.named(ReadInputs.class, "records");

  /**
   * The tally, present and 1 only when a sample ({@link #readFile} with fewer lines than the
   * file's) stopped before the end.
   */
  public static final String SAMPLE_CUT = "sample.cut";

  /** The folder, under a run folder, of the files {@link #writeFaults} writes. */
  public static final String FAULTS_DIR = "_faults";

  private final List<InputFile> files;
  private final TimeBounds bounds;

  public ReadInputs(List<InputFile> files, TimeBounds bounds) {
    this.files = files;
    this.bounds = bounds;
  }

  /**
   * The reading of one whole file as a run does it, for a caller outside a pipeline ({@code dunbar
   * validate}): the records go to {@code out} by this transform's tags, the file's tallies to
   * {@link #TALLIES}, and the counters to the current Beam metrics container, if any.
   *
   * @param maxLines stop after this many physical lines (a sample); {@link Long#MAX_VALUE} for all
   */
  public static void readFile(
      InputFile file, TimeBounds bounds, long maxLines, DoFn.MultiOutputReceiver out) {
    new ReadFileFn(bounds, maxLines).process(file, OUTPUTS.unwrapping(out));
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    PCollection<RawUnionValue> records =
        begin
            .apply("Input files", Read.from(FileSplits.of(files)))
            .apply("Read and parse records", ParDo.of(new ReadFileFn(bounds, Long.MAX_VALUE)))
            .setCoder(OUTPUTS.coder());
    return OUTPUTS.split(records, "Split what was read", EVENTS).and(ALL_OUTPUTS, records);
  }

  /** The event a value of {@link #ALL_OUTPUTS} holds, or null when it holds something else. */
  public static Event eventOf(RawUnionValue record) {
    Deferred<Event> event = OUTPUTS.valueOf(EVENTS, record);
    return event == null ? null : event.get();
  }

  /**
   * The sink of a read's faults, if any: Avro {@link ReadFault} files under {@code
   * <runDir>/}{@value #FAULTS_DIR}, where the run looks for them before it publishes.
   */
  public static AvroIO.Write<ReadFault> writeFaults(String runDir) {
    return AvroIO.write(ReadFault.class)
        .to(runDir + "/" + FAULTS_DIR + "/faults")
        .withSuffix(".avro")
        .withoutSharding();
  }

  /** The options of an input's format: its snapshot moment, CSV delimiter and retrieval time. */
  public static FormatOptions options(InputFile file) {
    String delimiter = file.getDelimiter();
    return new FormatOptions(
        file.getSnapshotTime(),
        file.getEventTime(),
        delimiter == null ? FormatOptions.DEFAULTS.delimiter() : delimiter.charAt(0),
        file.getRetrievedAt());
  }

  /** The input's max_line_bytes, else its format's default. */
  static int maxLineBytes(InputFile file) {
    Integer given = file.getMaxLineBytes();
    return given != null ? given : Formats.defaultMaxLineBytes(file.getFormat());
  }

  static final class ReadFileFn extends DoFn<InputFile, RawUnionValue> {
    private final TimeBounds bounds;
    private final long maxLines;

    ReadFileFn(TimeBounds bounds, long maxLines) {
      this.bounds = bounds;
      this.maxLines = maxLines;
    }

    @ProcessElement
    public void process(@Element InputFile file, OutputReceiver<RawUnionValue> out) {
      LineFormat format = Formats.forInput(file.getKind(), file.getFormat(), options(file), bounds);
      FileSink sink = new FileSink(file, out);
      NumberedLineReader reader = null;
      try (InputStream in = open(file.getPath())) {
        reader = new NumberedLineReader(in, format.framing(file.getPath()), maxLineBytes(file));
        read(reader, format, file, sink, maxLines);
      } catch (IOException e) {
        // Not dropped: the fault fails the run, which names the file, its last line and why.
        out.output(
            OUTPUTS.of(
                FAULTS,
                new ReadFault(
                    file.getPath(),
                    file.getKind(),
                    reader == null ? 0L : reader.linesRead(),
                    describe(e))));
      }
      sink.endFile();
    }

    private static void read(
        NumberedLineReader reader, LineFormat format, InputFile file, FileSink sink, long maxLines)
        throws IOException {
      boolean awaitingHeader = format.hasHeader(file.getPath());
      String header = null;
      for (NumberedLine line = reader.next(); line != null; line = reader.next()) {
        if (line.number() > maxLines) {
          sink.sampleCut = true;
          break;
        }
        sink.startLine(line);
        if (line.tooLong()) {
          sink.rejected(
              Reasons.LINE_TOO_LONG,
              String.format(
                  Locale.ROOT,
                  "%,d bytes, over max_line_bytes %,d",
                  line.length(),
                  maxLineBytes(file)),
              null);
        } else if (!RawText.isUtf8(line.bytes())) {
          sink.rejected(Reasons.UNPARSABLE, "invalid UTF-8", null);
        } else if (format.skipsHashComments() && isComment(line.bytes())) {
          continue; // comments are not records
        } else if (awaitingHeader) {
          header = new String(line.bytes(), StandardCharsets.UTF_8); // nor is a header
        } else {
          format.parse(file.getPath(), line.number(), line.bytes(), header, sink);
          sink.requireRecord();
        }
        // A header that cannot be read still ends the search for one: the rows after it
        // are then rejected one by one rather than taken for a header.
        if (awaitingHeader) {
          awaitingHeader = false;
          header = header == null ? "" : header;
        }
        sink.endLine();
      }
    }

    /** A line whose first character that is not white space is '#'. */
    private static boolean isComment(byte[] utf8) {
      return new String(utf8, StandardCharsets.UTF_8).stripLeading().startsWith("#");
    }

    private static InputStream open(String path) throws IOException {
      // gzip, bzip2 and zstd by name, decoded here so that a fault is named; other names as Beam
      // knows them.
      Compression byName = Compression.detect(path);
      if (byName == Compression.GZIP || byName == Compression.BZIP2 || byName == Compression.ZSTD) {
        return Decompression.open(path, () -> raw(path));
      }
      return Channels.newInputStream(byName.readDecompressed(Channels.newChannel(raw(path))));
    }

    /** The file's own bytes, counted for progress ({@link #INPUT_BYTES}). */
    private static InputStream raw(String path) throws IOException {
      return new CountingInputStream(
          Channels.newInputStream(
              FileSystems.open(FileSystems.matchSingleFileSpec(path).resourceId())),
          Metrics.counter(INPUT_BYTES.getNamespace(), INPUT_BYTES.getName()));
    }

    /** Why a file could not be read, in words. */
    private static String describe(IOException e) {
      if (e instanceof Decompression.CorruptInput) {
        return e.getMessage();
      }
      if (e instanceof NoSuchFileException || e instanceof FileNotFoundException) {
        return "the file cannot be found or opened";
      }
      if (e instanceof AccessDeniedException) {
        return "permission denied";
      }
      return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
  }

  /** Routes one file's records to the outputs and counts them. */
  private static final class FileSink implements RecordSink {
    /**
     * Records counted locally before the shared counter is updated: the counter is for progress,
     * seconds apart.
     */
    private static final long RECORDS_BATCH = 4096;

    private final InputFile file;
    private final DoFn.OutputReceiver<RawUnionValue> out;
    private NumberedLine line;
    private int recordsOfLine;
    private long accepted;
    private long rejected;
    private final Map<String, Long> skipped = new TreeMap<>();
    private final Map<String, Long> rejectedBy = new TreeMap<>();
    private long bytesRead;
    private long bytesRejected;
    private long events;
    private long lastEventTs = Long.MIN_VALUE;
    private final long[] fingerprints = new long[IdFingerprints.BLOCK];
    private int fingerprinted;
    private long snapshots;
    private long edges;
    private long withoutMoment;

    /**
     * Records of the file not yet added to the {@link #RECORDS} counter: it is updated in batches,
     * not per record.
     */
    private long recordsUncounted;

    private final Counter records = Metrics.counter(RECORDS.getNamespace(), RECORDS.getName());

    /** True when a sample's line limit stopped the reading before the file's end. */
    boolean sampleCut;

    FileSink(InputFile file, DoFn.OutputReceiver<RawUnionValue> out) {
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
        throw new IllegalStateException(
            file.getPath() + ":" + line.number() + ": the format reported no record for this line");
      }
    }

    /** Counts the line's bytes as read when it held records (a header or comment holds none). */
    void endLine() {
      if (recordsOfLine > 0) {
        bytesRead += line.length();
        recordsUncounted += recordsOfLine;
        if (recordsUncounted >= RECORDS_BATCH) {
          flushRecords();
        }
      }
    }

    private void flushRecords() {
      records.inc(recordsUncounted);
      recordsUncounted = 0;
    }

    @Override
    public void event(Event event) {
      events++;
      lastEventTs = Math.max(lastEventTs, event.getTs());
      output(EVENTS, Deferred.of(event, RecordCoders.event()));
      String pendingParent = RouteEvents.pendingParent(event);
      if (pendingParent != null) {
        output(PENDING_PARENTS, pendingParent);
      }
      if (event.getEventId() != null) {
        fingerprints[fingerprinted++] = RepeatedIds.fingerprint(event.getEventId());
        if (fingerprinted == fingerprints.length) {
          flushFingerprints();
        }
      }
    }

    private void flushFingerprints() {
      if (fingerprinted > 0) {
        output(ID_FINGERPRINTS, new IdFingerprints(Arrays.copyOf(fingerprints, fingerprinted)));
        fingerprinted = 0;
      }
    }

    @Override
    public void snapshot(Snapshot snapshot) {
      snapshots++;
      output(SNAPSHOTS, snapshot);
    }

    @Override
    public void edge(BaselineEdge edge) {
      edges++;
      output(EDGES, edge);
    }

    @Override
    public void accountName(NameSighting sighting) {
      output(NAMES, sighting);
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
      rejected(reason, detail, raw, line.number());
    }

    @Override
    public void rejected(String reason, String detail, String raw, long at) {
      recordsOfLine++;
      rejected++;
      rejectedBy.merge(Reasons.label(reason, detail), 1L, Long::sum);
      // A record of a line of many is its own text; otherwise the whole line is lost.
      bytesRejected += raw == null ? line.length() : RawText.byteLength(raw);
      RawText text = raw == null ? RawText.of(line.bytes()) : RawText.of(raw);
      output(
          REJECTED,
          RejectedRow.of(
              file.getPath(),
              at,
              file.getKind(),
              reason,
              detail,
              text,
              raw == null && line.tooLong()));
    }

    @Override
    public void skipped(String kind) {
      recordsOfLine++;
      skipped.merge(RecordSink.checkSkipKind(kind), 1L, Long::sum);
    }

    /** Ends the file: its last fingerprints and its tallies. */
    void endFile() {
      flushRecords();
      flushFingerprints();
      String kind = file.getKind();
      long skippedRecords = skipped.values().stream().mapToLong(Long::longValue).sum();
      tally(kind + ".read", accepted + rejected + skippedRecords);
      tally(kind + ".accepted", accepted);
      tally(kind + ".rejected", rejected);
      skipped.forEach((what, count) -> tally(kind + ".skipped." + what, count));
      rejectedBy.forEach((label, count) -> tally(kind + ".rejected_by." + label, count));
      tally(kind + ".bytes_read", bytesRead);
      tally(kind + ".bytes_rejected", bytesRejected);
      tally("emitted.events", events);
      tally("emitted.snapshots", snapshots);
      tally("emitted.baseline", edges);
      tally("snapshots.without_moment", withoutMoment);
      if (events > 0) {
        output(LAST_EVENTS, lastEventTs);
      }
      if (sampleCut) {
        tally(SAMPLE_CUT, 1);
      }
    }

    private <T> void output(TupleTag<T> output, T value) {
      out.output(OUTPUTS.of(output, value));
    }

    private void tally(String name, long value) {
      output(TALLIES, KV.of(name, value));
    }
  }
}
