package org.dunbar.coders;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import org.apache.beam.sdk.coders.CustomCoder;

/**
 * A record that travels in its compact encoding and is decoded only by a step that reads it.
 *
 * <p>Why: on Flink's batch runner, an output with two consumers is encoded once for each and
 * decoded by each, even by a consumer that only passes the record over. The read's events have two
 * consumers (the split of its small outputs, which skips them, and routing), and a Jetstream event
 * is about 250 bytes of strings: decoding it to drop it was a twentieth of a Jetstream run. Carried
 * as {@code Deferred}, the encoding is made once and kept for the second consumer, and a consumer
 * that skips the record reads its bytes and nothing more.
 *
 * <p>Safe to share between threads, as the direct runner shares an element between the steps that
 * read it: the encoding read is never changed, each decoding reads it from its start, and the value
 * and the encoding made on first use are published whole (volatile fields), so two threads at worst
 * both make an equal one.
 *
 * @param <T> the record's type, coded by a {@link CompactCoder}
 */
public final class Deferred<T> {
  private final CompactCoder<T> coder;
  private final byte[] block;
  private volatile T value;
  private volatile CompactWriter written;

  private Deferred(CompactCoder<T> coder, T value, byte[] block) {
    this.coder = coder;
    this.value = value;
    this.block = block;
  }

  /** A record to output, encoded by {@code coder} when the runner first writes it. */
  public static <T> Deferred<T> of(T value, CompactCoder<T> coder) {
    return new Deferred<>(coder, Objects.requireNonNull(value, "value"), null);
  }

  /** The record, decoded on the first call. */
  public T get() {
    T decoded = value;
    if (decoded == null) {
      decoded = coder.readFields(CompactReader.of(block));
      value = decoded;
    }
    return decoded;
  }

  /**
   * The coder of {@link Deferred} records: the inner coder's fields as one length-prefixed block,
   * the same bytes as {@link CompactCoder#encode} writes.
   */
  public static final class Coder<T> extends CustomCoder<Deferred<T>> {
    private static final long serialVersionUID = 1L;

    private final CompactCoder<T> inner;

    private Coder(CompactCoder<T> inner) {
      this.inner = inner;
    }

    public static <T> Coder<T> of(CompactCoder<T> inner) {
      return new Coder<>(Objects.requireNonNull(inner, "inner"));
    }

    @Override
    public void encode(Deferred<T> record, OutputStream out) throws IOException {
      CompactWriter writer = record.written;
      if (writer == null) {
        writer = new CompactWriter();
        inner.writeFields(record.get(), writer);
        record.written = writer;
      }
      writer.writeTo(out);
    }

    @Override
    public Deferred<T> decode(InputStream in) throws IOException {
      return new Deferred<>(inner, null, CompactReader.readBlock(in));
    }

    @Override
    public void verifyDeterministic() throws NonDeterministicException {
      inner.verifyDeterministic();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Coder<?> that && that.inner.equals(inner);
    }

    @Override
    public int hashCode() {
      return inner.hashCode();
    }
  }
}
