package org.dunbar.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every local path an input glob matches must be a readable regular file (after following links).
 * Beam's own matching skips a directory, a FIFO or a dangling link silently, and a FIFO given by
 * name would be opened and block forever; so the local file system is listed here first, without
 * opening anything, and the first path that is no readable regular file stops the run (exit 3).
 * Paths of other file systems (a URI scheme such as {@code s3://}) are left to Beam.
 */
final class LocalInputCheck {
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+://.*");
  private static final Pattern GLOB_CHARS = Pattern.compile("[*?\\[{]");

  private LocalInputCheck() {}

  /**
   * Throws {@link RunFailure} (exit 3) naming the first matched path that cannot be read as a file.
   */
  static void check(InputSpec input) {
    String glob =
        input.glob().startsWith("file://")
            ? input.glob().substring("file://".length())
            : input.glob();
    if (SCHEME.matcher(glob).matches()) {
      return;
    }
    for (Path path : matches(glob)) {
      problem(path, glob.contains("**"))
          .ifPresent(
              what -> {
                throw new RunFailure(
                    RunFailure.NO_INPUT,
                    "the "
                        + input.kind()
                        + " input '"
                        + input.glob()
                        + "' matches "
                        + path
                        + ", which is "
                        + what
                        + ": give only readable regular files (remove it, or narrow the glob)");
              });
    }
  }

  /** Why {@code path} cannot be an input, or empty when it is a readable regular file. */
  static Optional<String> problem(Path path, boolean traversed) {
    if (Files.isRegularFile(path)) {
      return Files.isReadable(path) ? Optional.empty() : Optional.of("not readable by this user");
    }
    if (Files.isDirectory(path)) {
      // A ** glob walks through folders: they are how it reaches files, not inputs.
      return traversed ? Optional.empty() : Optional.of("a directory");
    }
    if (Files.isSymbolicLink(path) && !Files.exists(path)) {
      return Optional.of("a symbolic link to nothing");
    }
    return Optional.of(
        "not a regular file (a FIFO, socket or device would block or fail when read)");
  }

  /** Every path the glob names, of any type (a dangling link as itself); nothing is opened. */
  private static List<Path> matches(String glob) {
    Path whole;
    try {
      whole = Path.of(glob).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      return List.of();
    }
    if (!GLOB_CHARS.matcher(glob).find()) {
      return Files.exists(whole, LinkOption.NOFOLLOW_LINKS) ? List.of(whole) : List.of();
    }
    // Walk from the longest folder prefix free of glob characters.
    Path prefix = whole.getRoot();
    int depth = 0;
    for (Path part : whole) {
      if (GLOB_CHARS.matcher(part.toString()).find()) {
        break;
      }
      prefix = prefix.resolve(part);
      depth++;
    }
    Path root = prefix;
    int maxDepth = glob.contains("**") ? Integer.MAX_VALUE : whole.getNameCount() - depth;
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + whole);
    // Links followed, as Beam follows them when it reads: a FIFO behind a linked folder is found
    // too.
    try (Stream<Path> walk = Files.walk(root, maxDepth, FileVisitOption.FOLLOW_LINKS)) {
      List<Path> out = new ArrayList<>();
      walk.filter(p -> !p.equals(root) && matcher.matches(p)).sorted().forEach(out::add);
      return out;
    } catch (IOException | UncheckedIOException e) {
      throw new RunFailure(
          RunFailure.NO_INPUT, "the input '" + glob + "' cannot be listed: " + e.getMessage());
    }
  }
}
