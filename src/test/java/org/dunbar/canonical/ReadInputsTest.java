package org.dunbar.canonical;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.dunbar.analysis.DirectPipelines;
import org.dunbar.formats.TimeBounds;
import org.dunbar.records.Event;
import org.dunbar.records.InputFile;
import org.dunbar.records.Rejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files on disk through ReadInputs: compressed JSON lines (decompressed by file name) and a CSV
 * whose header is followed by a blank line. Line numbers are physical, so blank lines count for the
 * lines after them, also inside compressed files.
 */
class ReadInputsTest {
  private static final TimeBounds DEFAULT_BOUNDS =
      new TimeBounds(micros("2000-01-01T00:00:00Z"), null);

  @TempDir Path dir;

  /** Opens a compressing stream over a file. */
  @FunctionalInterface
  private interface Compressor {
    OutputStream wrap(OutputStream file) throws IOException;
  }

  @Test
  void readsCompressedJsonLinesAndCsvWithPhysicalLineNumbers() throws IOException {
    String gz =
        write(
            "events.jsonl.gz",
            GZIPOutputStream::new,
            "{\"type\":\"reply\",\"actor\":\"ann\",\"target\":\"bob\",\"ts\":\"2024-01-02T10:00:00Z\"}",
            "",
            "[1,2]");
    String bz2 =
        write(
            "events.jsonl.bz2",
            BZip2CompressorOutputStream::new,
            "{\"type\":\"Follow\",\"actor\":\"cat\",\"target\":\"bob\",\"ts\":1704330000}",
            "{\"type\":\"poke\",\"actor\":\"a\",\"target\":\"b\",\"ts\":1704067200}");
    String zst =
        write(
            "events.jsonl.zst",
            ZstdCompressorOutputStream::new,
            "{\"event_id\":\"x1\",\"type\":\"message\",\"actor\":12,\"target\":\"dan\",\"ts\":1704542400000}",
            "   ",
            "{\"type\":\"mention\",\"actor\":\"dan\",\"target\":\"cat\"}",
            "{\"type\":\"unfollow\",\"actor\":\"cat\",\"target\":\"bob\",\"ts\":\"2024-01-05T00:00:00+0100\"}");
    String csv =
        write(
            "events.csv",
            out -> out,
            "event_id,type,actor,target,post_id,parent_id,ts",
            "",
            ",post,bob,ignored,p1,,2024-01-04T00:00:00Z",
            ",like,cat,bob,,p1",
            ",like,cat,bob,,p1,2024-01-04T01:00:00+01:00");

    Pipeline p = DirectPipelines.create();
    PCollectionTuple out =
        p.apply(
            new ReadInputs(
                List.of(events(gz), events(bz2), events(zst), events(csv)), DEFAULT_BOUNDS));

    PAssert.that(ReadOutputs.events(out))
        .containsInAnyOrder(
            new Event(
                null, "reply", "ann", "bob", null, null, micros("2024-01-02T10:00:00Z"), gz, 1L),
            // "Follow" is lower-cased; 1704330000 is epoch seconds (< 1e11).
            new Event(
                null, "follow", "cat", "bob", null, null, micros("2024-01-04T01:00:00Z"), bz2, 1L),
            // An integer actor is its digits; 1704542400000 is epoch milliseconds (>= 1e11).
            new Event(
                "x1", "message", "12", "dan", null, null, micros("2024-01-06T12:00:00Z"), zst, 1L),
            new Event(
                null,
                "unfollow",
                "cat",
                "bob",
                null,
                null,
                micros("2024-01-04T23:00:00Z"),
                zst,
                4L),
            // Line 1 is the header and line 2 is blank: the first row is line 3. A post's target is
            // ignored.
            new Event(
                null, "post", "bob", null, "p1", null, micros("2024-01-04T00:00:00Z"), csv, 3L),
            new Event(
                null, "like", "cat", "bob", null, "p1", micros("2024-01-04T00:00:00Z"), csv, 5L));
    // For routing's filters: x1 is the one event id here, and no event leaves its target to a
    // parent post.
    PAssert.that(
            out.get(ReadInputs.ID_FINGERPRINTS)
                .apply(
                    "Fingerprints",
                    MapElements.into(TypeDescriptors.lists(TypeDescriptors.longs()))
                        .via(block -> Arrays.stream(block.values()).boxed().toList())))
        .containsInAnyOrder(List.of(RepeatedIds.fingerprint("x1")));
    PAssert.that(out.get(ReadInputs.PENDING_PARENTS)).empty();
    PAssert.that(out.get(ReadInputs.REJECTED))
        .containsInAnyOrder(
            rejected(gz, 3, "unparsable", "not a JSON object", "[1,2]"),
            rejected(
                bz2,
                2,
                "unknown_type",
                "type 'poke'",
                "{\"type\":\"poke\",\"actor\":\"a\",\"target\":\"b\",\"ts\":1704067200}"),
            rejected(
                zst,
                3,
                "missing_field",
                "ts",
                "{\"type\":\"mention\",\"actor\":\"dan\",\"target\":\"cat\"}"),
            rejected(
                csv,
                4,
                "unparsable",
                "expected 7 columns as in the header, found 6",
                ",like,cat,bob,,p1"));
    PAssert.that(out.get(ReadInputs.SNAPSHOTS)).empty();
    PAssert.that(out.get(ReadInputs.EDGES)).empty();
    // Per file: non-blank lines read (the CSV header is not a record) = accepted + rejected, and
    // the bytes of those lines (terminators, blank lines and the header not counted).
    List<KV<String, Long>> tallies = new ArrayList<>();
    // gz: lines of 73 and 5 bytes; "[1,2]" rejected.
    tallies.addAll(fileTallies(2, 1, 1, 73 + 5, 5));
    tallies.add(KV.of("events.rejected_by.unparsable", 1L));
    // bz2: 62 and 56 bytes; the poke rejected.
    tallies.addAll(fileTallies(2, 1, 1, 62 + 56, 56));
    tallies.add(KV.of("events.rejected_by.unknown_type", 1L));
    // zst: 79, 47 and 80 bytes; the mention without ts rejected.
    tallies.addAll(fileTallies(3, 2, 1, 79 + 47 + 80, 47));
    tallies.add(KV.of("events.rejected_by.missing_field ts", 1L));
    // csv: rows of 42, 17 and 43 bytes; the short row rejected.
    tallies.addAll(fileTallies(3, 2, 1, 42 + 17 + 43, 17));
    tallies.add(KV.of("events.rejected_by.unparsable", 1L));
    PAssert.that(out.get(ReadInputs.TALLIES)).containsInAnyOrder(tallies);
    // Each file's last accepted event: gz's reply, bz2's follow, the zst file's message (after its
    // unfollow), the csv's post and like (one instant).
    PAssert.that(out.get(ReadInputs.LAST_EVENTS))
        .containsInAnyOrder(
            micros("2024-01-02T10:00:00Z"),
            micros("2024-01-04T01:00:00Z"),
            micros("2024-01-06T12:00:00Z"),
            micros("2024-01-04T00:00:00Z"));
    PAssert.that(out.get(ReadInputs.FAULTS)).empty();
    DirectPipelines.run(p);
  }

  @Test
  void skippedRecordsAreTalliedPerFileAndKind() throws IOException {
    String stream =
        write(
            "stream.jsonl",
            out -> out,
            "{\"delete\":{\"status\":{\"id_str\":\"9\"}}}",
            "{\"id_str\":\"10\",\"created_at\":\"Wed Jan 07 11:14:38 +0000"
                + " 2015\",\"user\":{\"id_str\":\"1\"}}",
            "{\"limit\":{\"track\":3}}",
            "{\"delete\":{\"status\":{\"id_str\":\"11\"}}}");

    Pipeline p = DirectPipelines.create();
    PCollectionTuple out =
        p.apply(
            new ReadInputs(
                List.of(
                    new InputFile(
                        stream, "events", "twitter-v1", null, null, null, null, null, 0L)),
                DEFAULT_BOUNDS));

    PAssert.that(out.get(ReadInputs.REJECTED)).empty();
    // 4 records read = 1 accepted (one post) + 0 rejected + 3 skipped (2 delete, 1 limit); their
    // lines have 36 + 83 + 21 + 37 bytes.
    PAssert.that(out.get(ReadInputs.TALLIES))
        .containsInAnyOrder(
            KV.of("events.read", 4L),
            KV.of("events.accepted", 1L),
            KV.of("events.rejected", 0L),
            KV.of("events.bytes_read", 36L + 83 + 21 + 37),
            KV.of("events.bytes_rejected", 0L),
            KV.of("events.skipped.delete", 2L),
            KV.of("events.skipped.limit", 1L),
            KV.of("emitted.events", 1L),
            KV.of("emitted.snapshots", 0L),
            KV.of("emitted.baseline", 0L),
            KV.of("snapshots.without_moment", 0L));
    // The post's instant: Wed Jan 07 11:14:38 +0000 2015.
    PAssert.that(out.get(ReadInputs.LAST_EVENTS))
        .containsInAnyOrder(micros("2015-01-07T11:14:38Z"));
    DirectPipelines.run(p);
  }

  private String write(String name, Compressor compressor, String... lines) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = compressor.wrap(Files.newOutputStream(file))) {
      out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return file.toString();
  }

  private static InputFile events(String path) {
    return new InputFile(path, "events", "canonical", null, null, null, null, null, 0L);
  }

  private static Rejected rejected(
      String source, long line, String reason, String detail, String raw) {
    return new Rejected(source, line, "events", reason, detail, raw, false);
  }

  /** The tallies one events file reports; these files yield one event per accepted record. */
  private static List<KV<String, Long>> fileTallies(
      long read, long accepted, long rejected, long bytesRead, long bytesRejected) {
    return List.of(
        KV.of("events.read", read),
        KV.of("events.accepted", accepted),
        KV.of("events.rejected", rejected),
        KV.of("events.bytes_read", bytesRead),
        KV.of("events.bytes_rejected", bytesRejected),
        KV.of("emitted.events", accepted),
        KV.of("emitted.snapshots", 0L),
        KV.of("emitted.baseline", 0L),
        KV.of("snapshots.without_moment", 0L));
  }

  private static long micros(String instant) {
    return Instant.parse(instant).toEpochMilli() * 1000;
  }
}
