package org.dunbar.coders;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.CustomCoder;

/**
 * A coder that writes a whole record as one length-prefixed block (see {@link CompactWriter}).
 * Subclasses say which fields go in, in order; the encoding is deterministic, so records coded this
 * way may be grouping keys. Two coders are equal when they are of one class (Flink tells the types
 * of its data sets apart by their coders); a subclass whose instances code different things says
 * how they differ.
 */
public abstract class CompactCoder<T> extends CustomCoder<T> {
  protected abstract void write(T value, CompactWriter out);

  protected abstract T read(CompactReader in);

  /** Writes a value's fields inside another record's encoding. */
  public final void writeFields(T value, CompactWriter out) {
    write(value, out);
  }

  /** Reads what {@link #writeFields} wrote. */
  public final T readFields(CompactReader in) {
    return read(in);
  }

  @Override
  public final void encode(T value, OutputStream out) throws IOException {
    CompactWriter writer = new CompactWriter();
    write(value, writer);
    writer.writeTo(out);
  }

  @Override
  public final T decode(InputStream in) throws IOException {
    return read(CompactReader.readFrom(in));
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean equals(Object other) {
    return other != null && other.getClass() == getClass();
  }

  @Override
  public int hashCode() {
    return getClass().getName().hashCode();
  }
}
