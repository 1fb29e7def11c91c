package org.dunbar.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code dunbar generate} command line: where to write, and what.
 *
 * @param out the directory to write the dump into
 */
public record GenerateCommand(Path out, GeneratorSettings settings) {
  private static final String OUT = "out";

  /**
   * Reads {@code --out DIR --accounts N --days D --seed S [--files K] [--start YYYY-MM-DD]}.
   *
   * @throws IllegalArgumentException naming the flag and its allowed values
   */
  public static GenerateCommand parse(String[] args) {
    List<String> allowed = new ArrayList<>(List.of(OUT));
    allowed.addAll(GeneratorSettings.FLAGS);
    Flags flags = Flags.parse(args, allowed);
    String out = flags.get(OUT);
    if (out == null || out.isEmpty()) {
      throw new IllegalArgumentException("missing --out: the directory to write the dump into");
    }
    return new GenerateCommand(Path.of(out), GeneratorSettings.from(flags));
  }

  /** Writes the dump. */
  public GeneratorSummary run() throws IOException {
    return SampleGenerator.generate(settings, out);
  }
}
