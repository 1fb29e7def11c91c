package org.dunbar.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A format whose every line is one JSON object and one record (Bluesky Jetstream, Reddit): the line
 * is parsed, then mapped in full before anything reaches the sink, so a {@link RecordRejection}
 * thrown while mapping leaves exactly one {@code rejected} and no event.
 */
public abstract class JsonObjectFormat implements LineFormat {
  private static final long serialVersionUID = 1L;

  /** The study's accepted time range, for {@link JsonRecord#acceptInBounds}. */
  protected final TimeBounds bounds;

  protected JsonObjectFormat(TimeBounds bounds) {
    this.bounds = Objects.requireNonNull(bounds, "bounds");
  }

  /**
   * Maps one parsed record: ends it with {@code accepted()} (through {@link
   * JsonRecord#acceptInBounds}), {@code skipped(kind)}, or by throwing.
   *
   * @throws RecordRejection the first check the record fails
   */
  protected abstract void map(String source, long line, JsonNode object, RecordSink sink)
      throws RecordRejection;

  @Override
  public final void parse(String source, long line, String text, String header, RecordSink sink) {
    try {
      map(source, line, JsonRecord.parse(text), sink);
    } catch (RecordRejection r) {
      sink.rejected(r.reason(), r.detail(), null);
    }
  }
}
