package org.dunbar.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * The gzipped part files. Each holds a contiguous range of days, as exports split by time do; all
 * stay open so a duplicate can go into a neighbour.
 */
final class EventFiles implements Closeable {
  private static final int BUFFER = 1 << 16;

  private final Writer[] parts;
  private final int days;
  private int current;
  private long lines;

  EventFiles(Path dir, int files, int days) throws IOException {
    this.days = days;
    parts = new Writer[files];
    try {
      for (int i = 0; i < files; i++) {
        GZIPOutputStream gzip =
            new GZIPOutputStream(Files.newOutputStream(dir.resolve(name(i))), BUFFER);
        parts[i] = new BufferedWriter(new OutputStreamWriter(gzip, StandardCharsets.UTF_8), BUFFER);
      }
    } catch (IOException e) {
      try {
        close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  static String name(int part) {
    return String.format(Locale.ROOT, "part-%05d.jsonl.gz", part);
  }

  void startDay(int day) {
    current = (int) ((long) day * parts.length / days);
  }

  void write(String line) throws IOException {
    writeTo(current, line);
  }

  /** Writes into the next part file (wrapping around). */
  void writeToNeighbour(String line) throws IOException {
    writeTo((current + 1) % parts.length, line);
  }

  long lines() {
    return lines;
  }

  private void writeTo(int part, String line) throws IOException {
    parts[part].write(line);
    parts[part].write('\n');
    lines++;
  }

  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (Writer part : parts) {
      if (part == null) {
        continue;
      }
      try {
        part.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
