package org.dunbar.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;

/**
 * A format whose every line is one JSON object and one record (Bluesky Jetstream, Reddit): the line
 * is parsed, then mapped in full before anything reaches the sink, so a {@link RecordRejection}
 * thrown while mapping leaves exactly one {@code rejected} and no event.
 */
public abstract class JsonObjectFormat implements LineFormat {
  private static final long serialVersionUID = 1L;

  /** The study's accepted time range, for {@link JsonRecord#acceptInBounds}. */
  protected final TimeBounds bounds;

  /** The names of the fields {@link #map} reads, at any depth ({@link JsonRecord#parse}). */
  private final Set<String> read;

  /**
   * @param read the names of every field {@link #map} reads, at any depth: the object it gets holds
   *     only these
   */
  protected JsonObjectFormat(TimeBounds bounds, Set<String> read) {
    this.bounds = Objects.requireNonNull(bounds, "bounds");
    this.read = Set.copyOf(read);
  }

  /**
   * Maps one parsed record: ends it with {@code accepted()} (through {@link
   * JsonRecord#acceptInBounds}), {@code skipped(kind)}, or by throwing.
   *
   * @param object the record, holding only the fields named to the constructor
   * @throws RecordRejection the first check the record fails
   */
  protected abstract void map(String source, long line, JsonNode object, RecordSink sink)
      throws RecordRejection;

  @Override
  public final void parse(String source, long line, byte[] utf8, String header, RecordSink sink) {
    try {
      map(source, line, JsonRecord.parse(utf8, read), sink);
    } catch (RecordRejection r) {
      sink.rejected(r.reason(), r.detail(), null);
    }
  }

  @Override
  public final void parse(String source, long line, String text, String header, RecordSink sink) {
    parse(source, line, text.getBytes(StandardCharsets.UTF_8), header, sink);
  }
}
