package org.dunbar.canonical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.BoundedSource;
import org.apache.beam.sdk.io.Read;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.dunbar.analysis.DirectPipelines;
import org.dunbar.records.InputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input files as one split each, listed smallest first, every file read exactly once. */
class FileSplitsTest {
  @TempDir Path dir;

  @Test
  void oneSplitPerFileSmallestFirst() throws Exception {
    InputFile big = file("big.jsonl", 30);
    InputFile small = file("small.jsonl", 10);
    InputFile middle = file("middle.jsonl", 20);
    InputFile missing = file("emptied.jsonl", 0);
    FileSplits source = FileSplits.of(List.of(big, small, middle, missing));

    assertEquals(60, source.getEstimatedSizeBytes(PipelineOptionsFactory.create()));
    List<FileSplits> splits = source.split(1, PipelineOptionsFactory.create());
    // Sizes as matched: 0 (a file empty then), 10, 20, 30.
    assertEquals(
        List.of(List.of(missing), List.of(small), List.of(middle), List.of(big)), read(splits));
  }

  @Test
  void aPipelineReadsEveryFileOnce() throws IOException {
    InputFile a = file("a.jsonl", 5);
    InputFile b = file("b.jsonl", 7);
    Pipeline p = DirectPipelines.create();
    PAssert.that(p.apply(Read.from(FileSplits.of(List.of(a, b))))).containsInAnyOrder(a, b);
    DirectPipelines.run(p);
  }

  private static List<List<InputFile>> read(List<FileSplits> splits) throws IOException {
    List<List<InputFile>> files = new ArrayList<>();
    for (FileSplits split : splits) {
      List<InputFile> read = new ArrayList<>();
      try (BoundedSource.BoundedReader<InputFile> reader =
          split.createReader(PipelineOptionsFactory.create())) {
        for (boolean more = reader.start(); more; more = reader.advance()) {
          read.add(reader.getCurrent());
        }
        assertFalse(reader.advance());
      }
      files.add(read);
    }
    return files;
  }

  /** A file as matched: its size is the one recorded then. */
  private InputFile file(String name, long bytes) {
    return new InputFile(
        dir.resolve(name).toString(), "events", "canonical", null, null, null, null, null, bytes);
  }
}
