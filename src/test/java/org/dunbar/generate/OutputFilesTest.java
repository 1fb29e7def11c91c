package org.dunbar.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {
  private static final GeneratorSettings SETTINGS = new GeneratorSettings(400, 40, 77);

  @Test
  void sameSettingsGiveIdenticalBytes(@TempDir Path first, @TempDir Path second)
      throws IOException {
    GeneratorSummary a = SampleGenerator.generate(SETTINGS, first);
    GeneratorSummary b = SampleGenerator.generate(SETTINGS, second);
    assertEquals(a, b);
    List<Path> files = files(first);
    assertEquals(files, files(second));
    assertEquals(4 + 2, files.size(), "four part files, snapshots and baseline");
    for (Path file : files) {
      assertArrayEquals(
          Files.readAllBytes(first.resolve(file)),
          Files.readAllBytes(second.resolve(file)),
          file.toString());
    }
  }

  @Test
  void rerunIntoTheSameDirectoryOverwrites(@TempDir Path out) throws IOException {
    SampleGenerator.generate(SETTINGS, out);
    byte[] before = Files.readAllBytes(out.resolve("events/part-00002.jsonl.gz"));
    SampleGenerator.generate(SETTINGS, out);
    assertArrayEquals(before, Files.readAllBytes(out.resolve("events/part-00002.jsonl.gz")));
  }

  @Test
  void refusesToMixWithFilesItDoesNotWrite(@TempDir Path out) throws IOException {
    Files.createDirectories(out.resolve("events"));
    Files.writeString(out.resolve("events/part-00009.jsonl.gz"), "stale");
    IOException e = assertThrows(IOException.class, () -> SampleGenerator.generate(SETTINGS, out));
    assertTrue(e.getMessage().contains("part-00009.jsonl.gz"), e.getMessage());
  }

  @Test
  void anotherSeedGivesAnotherDump(@TempDir Path first, @TempDir Path second) throws IOException {
    SampleGenerator.generate(SETTINGS, first);
    SampleGenerator.generate(new GeneratorSettings(400, 40, 78), second);
    Path part = Path.of("events/part-00000.jsonl.gz");
    assertFalse(
        Arrays.equals(
            Files.readAllBytes(first.resolve(part)), Files.readAllBytes(second.resolve(part))));
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}
