package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium, headless, opening a local page as a user's browser would: it dumps the DOM
 * after the page's scripts ran, or takes a screenshot. Without {@code /usr/bin/chromium} the caller
 * is skipped with a message, and fails under {@code CI=true} ({@code .ci/run} installs it).
 */
final class HeadlessChromium {
  static final Path BINARY = Path.of("/usr/bin/chromium");

  /** A hung browser is a failure, not a test that never ends. */
  private static final long LIMIT_SECONDS = 180;

  private HeadlessChromium() {}

  /** Skips or fails the caller when Chromium is not installed. */
  static void require() {
    if (Files.isExecutable(BINARY)) {
      return;
    }
    String message = BINARY + " not found (Debian's chromium: apt-get install -y chromium)";
    if ("true".equals(System.getenv("CI"))) {
      fail(message + "; CI must provide it");
    }
    System.err.println("SKIPPED: " + message);
    Assumptions.abort(message + "; skipping");
  }

  /** The page's DOM once it has loaded and its scripts have run. */
  static String dumpDom(Path page) throws IOException, InterruptedException {
    return run(page, "--dump-dom");
  }

  /** A PNG of the page's top {@code width} × {@code height} pixels. */
  static void screenshot(Path page, Path png, int width, int height)
      throws IOException, InterruptedException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    run(
        page,
        "--hide-scrollbars",
        "--window-size=" + width + "," + height,
        "--screenshot=" + png.toAbsolutePath());
  }

  /** Runs Chromium on the page with a fresh profile and nothing that reaches the network. */
  private static String run(Path page, String... action) throws IOException, InterruptedException {
    require();
    // A new profile per run, under target/ so that `mvn clean` removes it.
    Files.createDirectories(Path.of("target"));
    Path profile = Files.createTempDirectory(Path.of("target"), "chromium-profile-");
    Path stdout = profile.resolve("stdout.txt");
    Path stderr = profile.resolve("stderr.txt");
    List<String> command =
        new ArrayList<>(
            List.of(
                BINARY.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile.resolve("data")));
    command.addAll(List.of(action));
    command.add(page.toAbsolutePath().toUri().toString());
    Process chromium =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    if (!chromium.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
      chromium.destroyForcibly().waitFor();
      fail("chromium did not finish within " + LIMIT_SECONDS + " s on " + page);
    }
    if (chromium.exitValue() != 0) {
      fail(
          "chromium exited "
              + chromium.exitValue()
              + " on "
              + page
              + ":\n"
              + Files.readString(stderr, StandardCharsets.UTF_8));
    }
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }
}
