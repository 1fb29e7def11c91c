package org.dunbar.canonical;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.BoundedSource;
import org.apache.beam.sdk.options.PipelineOptions;
import org.dunbar.records.InputFile;

/**
 * The study's input files as a source of one split per file, so that the runner deals files to its
 * readers one at a time, each taking the next when it has read the last. Flink's data sources ask
 * for splits as they go; a random shuffle of the files instead deals them all out in advance, and
 * with 8 equal files on 2 workers it leaves one worker 5 or more of them about three runs in four.
 *
 * <p>Splits are listed smallest first because Flink's {@code DefaultInputSplitAssigner} hands out
 * the last split of its list first: the largest files start first and the small ones fill in at the
 * end. The order decides only which worker reads which file, never what is read: every file is
 * still read whole, by one reader, in line order.
 */
final class FileSplits extends BoundedSource<InputFile> {
  private static final long serialVersionUID = 1L;

  /** The files, in the order handed out last to first. */
  private final List<InputFile> files;

  private FileSplits(List<InputFile> files) {
    this.files = files;
  }

  /** The files, smallest first by their size when matched ({@link InputFile#getBytes}). */
  static FileSplits of(List<InputFile> files) {
    return new FileSplits(
        files.stream().sorted(Comparator.comparingLong(InputFile::getBytes)).toList());
  }

  @Override
  public List<FileSplits> split(long desiredBundleSizeBytes, PipelineOptions options) {
    List<FileSplits> splits = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      splits.add(new FileSplits(List.of(files.get(i))));
    }
    return splits;
  }

  @Override
  public long getEstimatedSizeBytes(PipelineOptions options) {
    return files.stream().mapToLong(InputFile::getBytes).sum();
  }

  @Override
  public Coder<InputFile> getOutputCoder() {
    return AvroCoder.specific(InputFile.class);
  }

  @Override
  public BoundedReader<InputFile> createReader(PipelineOptions options) {
    return new Reader(this);
  }

  private static final class Reader extends BoundedReader<InputFile> {
    private final FileSplits source;
    private int index = -1;

    Reader(FileSplits source) {
      this.source = source;
    }

    @Override
    public boolean start() {
      return advance();
    }

    @Override
    public boolean advance() {
      index = Math.min(index + 1, source.files.size());
      return index < source.files.size();
    }

    @Override
    public InputFile getCurrent() {
      if (index < 0 || index >= source.files.size()) {
        throw new NoSuchElementException("no current file: the reader is not on one");
      }
      return source.files.get(index);
    }

    @Override
    public void close() {}

    @Override
    public BoundedSource<InputFile> getCurrentSource() {
      return source;
    }
  }
}
