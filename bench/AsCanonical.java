import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.dunbar.formats.NameSighting;
import org.dunbar.formats.RecordSink;
import org.dunbar.formats.TimeBounds;
import org.dunbar.formats.bluesky.BlueskyJetstreamFormat;
import org.dunbar.records.BaselineEdge;
import org.dunbar.records.Event;
import org.dunbar.records.Snapshot;

/**
 * Benchmark tool, run by bench/as-canonical: writes the events of a Jetstream dump's files
 * (IN/*.jsonl.gz) as canonical JSON lines (OUT/ under the same names), through dunbar's own
 * Jetstream mapping, so that the two inputs hold the same events, ids and all, and a benchmark of
 * the two separates the format's cost from the data's.
 *
 * <p>Every field of each event is written: {@code event_id}, {@code type}, {@code actor}, {@code
 * target}, {@code post_id}, {@code parent_id}, {@code ts} (epoch microseconds). An unfollow gets
 * the account its follow named, when the dump holds that follow, and is left out when it does not
 * (the pipeline would count it unresolved): canonical input resolves the targets of replies,
 * quotes, reshares and likes only (SPEC "Targets resolved from the parent post"), and those are
 * written with their target open where the mapping left it so, for the pipeline to resolve as it
 * does the Jetstream lines. Lines the mapping rejects or skips give no event and no line.
 */
public final class AsCanonical {
  private static final JsonFactory JSON = new JsonFactory();
  private static final BlueskyJetstreamFormat JETSTREAM =
      new BlueskyJetstreamFormat(
          new TimeBounds(Long.MIN_VALUE, null), BlueskyJetstreamFormat.DEFAULT_EVENT_TIME);

  private AsCanonical() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: AsCanonical JETSTREAM_EVENTS_DIR CANONICAL_EVENTS_DIR");
      System.exit(2);
    }
    Path in = Path.of(args[0]);
    Path out = Path.of(args[1]);
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> listing = Files.newDirectoryStream(in, "*.jsonl.gz")) {
      listing.forEach(files::add);
    }
    // A follow's subject by the follow record's URI, which its delete names as parent_id.
    Map<String, String> followed = new HashMap<>();
    for (Path file : files) {
      map(
          file,
          event -> {
            if (event.getType().equals("follow")) {
              followed.put(event.getPostId(), event.getTarget());
            }
          });
    }
    Files.createDirectories(out);
    long lines = 0;
    for (Path file : files) {
      lines += write(file, out.resolve(file.getFileName()), followed);
    }
    System.out.printf("as-canonical: %,d events from %d files into %s%n", lines, files.size(), out);
  }

  /** Writes the file's events, an unfollow with its follow's subject; returns how many. */
  private static long write(Path file, Path to, Map<String, String> followed) throws IOException {
    long[] written = {0};
    try (OutputStream gzip = new GZIPOutputStream(Files.newOutputStream(to), 1 << 16);
        JsonGenerator json = JSON.createGenerator(gzip, JsonEncoding.UTF8)) {
      json.setRootValueSeparator(new SerializedString("\n"));
      map(
          file,
          event -> {
            String target = event.getTarget();
            if (event.getType().equals("unfollow")) {
              // Canonical input cannot leave an unfollow's target open: without its follow in the
              // dump, the pipeline would count it unresolved, so it has no line here.
              target = followed.get(event.getParentId());
              if (target == null) {
                return;
              }
            }
            try {
              json.writeStartObject();
              json.writeStringField("event_id", event.getEventId());
              json.writeStringField("type", event.getType());
              json.writeStringField("actor", event.getActor());
              writeIfPresent(json, "target", target);
              writeIfPresent(json, "post_id", event.getPostId());
              writeIfPresent(json, "parent_id", event.getParentId());
              json.writeNumberField("ts", event.getTs());
              json.writeEndObject();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            written[0]++;
          });
      json.writeRaw('\n');
    }
    return written[0];
  }

  private static void writeIfPresent(JsonGenerator json, String field, String value)
      throws IOException {
    if (value != null) {
      json.writeStringField(field, value);
    }
  }

  /** Runs the Jetstream mapping over every line of the file, handing each event on. */
  private static void map(Path file, Consumer<Event> events) throws IOException {
    RecordSink sink = new EventsOnly(events);
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16),
                StandardCharsets.UTF_8))) {
      long line = 0;
      for (String text = reader.readLine(); text != null; text = reader.readLine()) {
        JETSTREAM.parse(file.toString(), ++line, text, null, sink);
      }
    }
  }

  /** A sink that keeps the events and ignores the rest of what a record may give. */
  private record EventsOnly(Consumer<Event> events) implements RecordSink {
    @Override
    public void event(Event event) {
      events.accept(event);
    }

    @Override
    public void snapshot(Snapshot snapshot) {}

    @Override
    public void edge(BaselineEdge edge) {}

    @Override
    public void accountName(NameSighting sighting) {}

    @Override
    public void snapshotWithoutMoment() {}

    @Override
    public void accepted() {}

    @Override
    public void rejected(String reason, String detail, String raw) {}

    @Override
    public void skipped(String kind) {}
  }
}
