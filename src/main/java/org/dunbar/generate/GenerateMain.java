package org.dunbar.generate;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The sample generator's own entry point: {@code java -cp dunbar.jar
 * org.dunbar.generate.GenerateMain --out DIR --accounts N --days D --seed S [--files K] [--start
 * YYYY-MM-DD] [--format canonical|bluesky-jetstream]}. {@code dunbar generate} hands its arguments
 * here unread, so the product's command line knows nothing of the generator's flags.
 *
 * <p>Exit codes: 0 written (the summary line on stdout); 2 bad flags (one line on stderr); 1 the
 * dump could not be written (one line on stderr; under {@code dunbar generate} the product's
 * failure report, which adds the stack trace with {@code --debug}).
 */
public final class GenerateMain {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int BAD_FLAGS = 2;

  private GenerateMain() {}

  public static void main(String[] args) {
    int code;
    try {
      code = run(Arrays.asList(args), System.out, System.err);
    } catch (IOException e) {
      System.err.println("dunbar generate: cannot write the dump: " + e);
      code = FAILED;
    }
    System.exit(code);
  }

  /**
   * Parses the flags, writes the dump and prints its summary.
   *
   * @return 0 written, 2 bad flags (told on {@code err})
   * @throws IOException when the dump cannot be written
   */
  public static int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
    GenerateCommand command;
    try {
      command = GenerateCommand.parse(args.toArray(new String[0]));
    } catch (IllegalArgumentException e) {
      err.println("dunbar generate: " + e.getMessage());
      return BAD_FLAGS;
    }
    out.println(command.run());
    return OK;
  }
}
