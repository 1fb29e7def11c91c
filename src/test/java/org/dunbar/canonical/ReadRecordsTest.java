package org.dunbar.canonical;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.dunbar.analysis.DirectPipelines;
import org.dunbar.formats.TimeBounds;
import org.dunbar.records.InputFile;
import org.dunbar.records.ReadFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records that are not lines, through ReadInputs on hand-made files: API pages under their own
 * limit, a pretty-printed page whose tweets are reported at their own lines, CSV records over lines
 * with the input's delimiter, and files that cannot be read to their end.
 */
class ReadRecordsTest {
  private static final TimeBounds BOUNDS =
      new TimeBounds(Instant.parse("2000-01-01T00:00:00Z").getEpochSecond() * 1_000_000, null);

  @TempDir Path dir;

  private String write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file.toString();
  }

  /** The tallies of one kind whose name is in {@code names}, as "name=value". */
  private static PCollection<String> tallies(PCollectionTuple out, String... names) {
    List<String> wanted = List.of(names);
    return out.get(ReadInputs.TALLIES)
        .apply(
            "Wanted " + String.join(",", names),
            Filter.by((KV<String, Long> kv) -> wanted.contains(kv.getKey())))
        .apply(
            "Shown " + String.join(",", names),
            MapElements.into(TypeDescriptors.strings())
                .via(kv -> kv.getKey() + "=" + kv.getValue()));
  }

  @Test
  void anApiPageOverOneMebibyteIsOneRecordOfManyUnderThePageLimitAndLostWholeUnderALowerOne()
      throws IOException {
    // 300 tweets of 4,000 'x' each: a page of about 1.25 MB on one line, like a full-archive page.
    StringBuilder page = new StringBuilder("{\"data\":[");
    for (int i = 1; i <= 300; i++) {
      page.append(i > 1 ? "," : "")
          .append("{\"id\":\"")
          .append(i)
          .append("\",\"author_id\":\"7\",")
          .append("\"created_at\":\"2021-03-01T10:00:00.000Z\",\"text\":\"")
          .append("x".repeat(4_000))
          .append("\"}");
    }
    String line = page.append("]}").toString();
    long bytes = line.length();
    String byDefault = write("pages.jsonl", line + "\n");
    String limited = write("pages-limited.jsonl", line + "\n");

    Pipeline p = DirectPipelines.create();
    PCollectionTuple whole =
        p.apply(
            "Default limit",
            new ReadInputs(
                List.of(
                    new InputFile(
                        byDefault, "events", "twitter-v2", null, null, null, null, null, 0L)),
                BOUNDS));
    PCollectionTuple cut =
        p.apply(
            "1 MiB limit",
            new ReadInputs(
                List.of(
                    new InputFile(
                        limited, "events", "twitter-v2", null, null, null, 1 << 20, null, 0L)),
                BOUNDS));

    // Under the 64 MiB default of a page format: 300 records, a post each.
    PAssert.that(
            tallies(
                whole,
                "events.read",
                "events.accepted",
                "events.rejected",
                "events.bytes_read",
                "events.bytes_rejected"))
        .containsInAnyOrder(
            "events.read=300",
            "events.accepted=300",
            "events.rejected=0",
            "events.bytes_read=" + bytes,
            "events.bytes_rejected=0");
    // Under 1 MiB: one record, line_too_long, and all its bytes rejected.
    PAssert.that(
            tallies(
                cut,
                "events.read",
                "events.rejected",
                "events.bytes_read",
                "events.bytes_rejected",
                "events.rejected_by.line_too_long"))
        .containsInAnyOrder(
            "events.read=1",
            "events.rejected=1",
            "events.bytes_read=" + bytes,
            "events.bytes_rejected=" + bytes,
            "events.rejected_by.line_too_long=1");
    PAssert.that(
            cut.get(ReadInputs.REJECTED)
                .apply(
                    "Shown 1",
                    MapElements.into(TypeDescriptors.strings())
                        .via(r -> r.getReason() + "|" + r.getDetail())))
        .containsInAnyOrder(
            String.format(
                java.util.Locale.ROOT,
                "line_too_long|%,d bytes, over max_line_bytes 1,048,576",
                bytes));
    DirectPipelines.run(p);
  }

  @Test
  void aPrettyPrintedPageReportsEachTweetAtItsOwnLine() throws IOException {
    String first =
        "    {\"id\": \"1\", \"author_id\": \"10\", \"created_at\": \"2021-03-01T10:00:00.000Z\"},";
    String second =
        "    {\"id\": \"2\", \"author_id\": \"\", \"created_at\": \"2021-03-01T10:00:00.000Z\"}";
    String page = String.join("\n", "{", "  \"data\": [", first, second, "  ]", "}", "");
    String file = write("page.json", page);

    Pipeline p = DirectPipelines.create();
    PCollectionTuple out =
        p.apply(
            new ReadInputs(
                List.of(
                    new InputFile(file, "events", "twitter-v2", null, null, null, null, null, 0L)),
                BOUNDS));

    // The document is lines 1-6: tweet 1 starts on line 3, tweet 2 (no author) on line 4.
    PAssert.that(
            ReadOutputs.events(out)
                .apply(
                    "Shown 2",
                    MapElements.into(TypeDescriptors.strings())
                        .via(e -> e.getEventId() + " @" + e.getLine())))
        .containsInAnyOrder("tweet:1:post @3");
    String raw = second.strip();
    PAssert.that(
            out.get(ReadInputs.REJECTED)
                .apply(
                    "Shown 3",
                    MapElements.into(TypeDescriptors.strings())
                        .via(
                            r ->
                                r.getLine()
                                    + "|"
                                    + r.getReason()
                                    + "|"
                                    + r.getDetail()
                                    + "|"
                                    + r.getRaw())))
        .containsInAnyOrder("4|missing_field|author_id|" + raw);
    // Bytes read: the document without its last line break; rejected: tweet 2's own text.
    PAssert.that(tallies(out, "events.bytes_read", "events.bytes_rejected"))
        .containsInAnyOrder(
            "events.bytes_read=" + (page.length() - 1), "events.bytes_rejected=" + raw.length());
    DirectPipelines.run(p);
  }

  @Test
  void prettyPrintedCanonicalEventsAreNumberedByTheirFirstLine() throws IOException {
    // jq . output: each object over 5 lines, the second with its ts in epoch microseconds.
    String events =
        write(
            "events.json",
            String.join(
                "\n",
                "{",
                "  \"type\": \"follow\",",
                "  \"actor\": \"a\",",
                "  \"target\": \"b\",",
                "  \"ts\": 1614592800",
                "}",
                "{",
                "  \"type\": \"message\",",
                "  \"actor\": \"b\",",
                "  \"target\": \"a\",",
                "  \"ts\": 1614592800000000",
                "}",
                ""));

    Pipeline p = DirectPipelines.create();
    PCollectionTuple out =
        p.apply(
            new ReadInputs(
                List.of(
                    new InputFile(events, "events", "canonical", null, null, null, null, null, 0L)),
                BOUNDS));

    PAssert.that(
            ReadOutputs.events(out)
                .apply(
                    "Shown 7",
                    MapElements.into(TypeDescriptors.strings())
                        .via(e -> e.getType() + " " + e.getTs() + " @" + e.getLine())))
        .containsInAnyOrder("follow 1614592800000000 @1", "message 1614592800000000 @7");
    DirectPipelines.run(p);
  }

  @Test
  void csvRecordsSpanLinesAndUseTheInputsDelimiter() throws IOException {
    // Tab separated snapshots; the note of a holds a line break, so b is on line 4.
    String snapshots =
        write(
            "counts.tsv.csv",
            "account\tts\tfollowers\tnote\r\n"
                + "a\t2021-03-01T00:00:00Z\t5\t\"two\r\n"
                + "lines\"\r\n"
                + "b\t2021-03-02T00:00:00Z\t7\tx\r\n");
    // ';' separated events whose header has no actor column.
    String events = write("events.csv", "type;target;ts\nfollow;b;1614592800\n");

    Pipeline p = DirectPipelines.create();
    PCollectionTuple out =
        p.apply(
            new ReadInputs(
                List.of(
                    new InputFile(
                        snapshots, "snapshots", "canonical", null, null, "\t", null, null, 0L),
                    new InputFile(events, "events", "canonical", null, null, ";", null, null, 0L)),
                BOUNDS));

    PAssert.that(
            out.get(ReadInputs.SNAPSHOTS)
                .apply(
                    "Shown 4",
                    MapElements.into(TypeDescriptors.strings())
                        .via(s -> s.getAccount() + " " + s.getFollowers() + " @" + s.getLine())))
        .containsInAnyOrder("a 5 @2", "b 7 @4");
    PAssert.that(
            out.get(ReadInputs.REJECTED)
                .apply(
                    "Shown 5",
                    MapElements.into(TypeDescriptors.strings())
                        .via(r -> r.getLine() + "|" + r.getReason() + "|" + r.getDetail())))
        .containsInAnyOrder(
            "2|missing_field|actor: the header has no column 'actor'; its 3 columns: 'type',"
                + " 'target', 'ts'");
    PAssert.that(
            tallies(
                out,
                "snapshots.read",
                "snapshots.accepted",
                "events.rejected_by.missing_field actor"))
        .containsInAnyOrder(
            "snapshots.read=2", "snapshots.accepted=2", "events.rejected_by.missing_field actor=1");
    DirectPipelines.run(p);
  }

  @Test
  void aFileThatCannotBeReadToItsEndIsAFaultAfterItsLastWholeLine() throws IOException {
    // Three zstd frames of 10 lines each; the third is cut in half. zstd decodes whole blocks
    // only, so lines 1-20 are read and line 21 is not.
    ByteArrayOutputStream zst = new ByteArrayOutputStream();
    for (int frame = 0; frame < 3; frame++) {
      StringBuilder lines = new StringBuilder();
      for (int i = 1; i <= 10; i++) {
        lines
            .append("{\"type\":\"post\",\"actor\":\"a")
            .append(frame * 10 + i)
            .append("\",\"ts\":1614592800}\n");
      }
      zst.write(zstd(lines.toString().getBytes(StandardCharsets.UTF_8)));
    }
    byte[] bytes = zst.toByteArray();
    Path cut = dir.resolve("cut.jsonl.zst");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length - (bytes.length / 3) / 2));
    String gone = dir.resolve("gone.jsonl").toString();

    Pipeline p = DirectPipelines.create();
    PCollectionTuple out =
        p.apply(
            new ReadInputs(
                List.of(
                    new InputFile(
                        cut.toString(), "events", "canonical", null, null, null, null, null, 0L),
                    new InputFile(gone, "events", "canonical", null, null, null, null, null, 0L)),
                BOUNDS));

    PAssert.that(out.get(ReadInputs.FAULTS))
        .containsInAnyOrder(
            new ReadFault(cut.toString(), "events", 20L, "compressed data ends early (zstd)"),
            new ReadFault(gone, "events", 0L, "the file cannot be found or opened"));
    // What was read before the fault is counted, so the run's accounting still balances.
    PAssert.that(tallies(out, "events.read", "events.accepted"))
        .containsInAnyOrder(
            "events.read=20", "events.accepted=20", "events.read=0", "events.accepted=0");
    DirectPipelines.run(p);
  }

  private static byte[] zstd(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new ZstdCompressorOutputStream(bytes)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }
}
