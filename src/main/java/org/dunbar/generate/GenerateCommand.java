package org.dunbar.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code dunbar generate} command line: where to write, and what.
 *
 * @param out the directory to write the dump into
 * @param format the format of the event files
 */
public record GenerateCommand(Path out, GeneratorSettings settings, OutputFormat format) {
  private static final String OUT = "out";
  private static final String FORMAT = "format";

  /**
   * Reads {@code --out DIR --accounts N --days D --seed S [--files K] [--start YYYY-MM-DD]
   * [--format canonical|bluesky-jetstream]}.
   *
   * @throws IllegalArgumentException naming the flag and its allowed values
   */
  public static GenerateCommand parse(String[] args) {
    List<String> allowed = new ArrayList<>(List.of(OUT, FORMAT));
    allowed.addAll(GeneratorSettings.FLAGS);
    Flags flags = Flags.parse(args, allowed);
    String out = flags.get(OUT);
    if (out == null || out.isEmpty()) {
      throw new IllegalArgumentException("missing --out: the directory to write the dump into");
    }
    String format = flags.get(FORMAT);
    return new GenerateCommand(
        Path.of(out),
        GeneratorSettings.from(flags),
        format == null ? OutputFormat.CANONICAL : OutputFormat.of(format));
  }

  /** Writes the dump. */
  public GeneratorSummary run() throws IOException {
    return SampleGenerator.generate(settings, out, format);
  }
}
