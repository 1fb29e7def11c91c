package org.dunbar.canonical;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.beam.sdk.metrics.Counter;

/**
 * Adds the bytes read through it to a Beam counter, in steps of {@value #STEP} bytes and at close,
 * so that progress sees a file's bytes as they are read while the counter is touched only a few
 * times per MiB.
 */
final class CountingInputStream extends FilterInputStream {
  static final long STEP = 1 << 20;

  private final Counter counter;
  private long uncounted;

  CountingInputStream(InputStream in, Counter counter) {
    super(in);
    this.counter = counter;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      add(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      add(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    add(skipped);
    return skipped;
  }

  @Override
  public void close() throws IOException {
    flush();
    super.close();
  }

  private void add(long n) {
    uncounted += n;
    if (uncounted >= STEP) {
      flush();
    }
  }

  private void flush() {
    if (uncounted > 0) {
      counter.inc(uncounted);
      uncounted = 0;
    }
  }
}
