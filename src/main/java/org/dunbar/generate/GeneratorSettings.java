package org.dunbar.generate;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * What to generate. The same settings always give byte-identical files.
 *
 * @param accounts number of accounts, 100 to 1,000,000
 * @param days length of the dump in UTC days, 14 to 3650
 * @param seed any 64-bit integer
 * @param start the first UTC day, from 2000-01-01 (the SPEC's default not_before) to 2999-12-31
 * @param files number of event part files, 1 to 1000
 */
public record GeneratorSettings(int accounts, int days, long seed, LocalDate start, int files) {
  public static final LocalDate DEFAULT_START = LocalDate.of(2024, 1, 1);
  public static final int DEFAULT_FILES = 4;

  /** The flags {@link #parse} accepts, without the leading dashes. */
  static final List<String> FLAGS = List.of("accounts", "days", "seed", "files", "start");

  private static final Range ACCOUNTS = new Range("accounts", 100, 1_000_000);
  private static final Range DAYS = new Range("days", 14, 3650);
  private static final Range FILES = new Range("files", 1, 1000);
  private static final LocalDate FIRST_START = LocalDate.of(2000, 1, 1);
  private static final LocalDate LAST_START = LocalDate.of(2999, 12, 31);
  private static final String START_RULE =
      "--start must be a date YYYY-MM-DD from " + FIRST_START + " to " + LAST_START;
  private static final String SEED_RULE = "--seed must be a 64-bit integer";

  /** An inclusive range of an integer flag, and the message that says so. */
  private record Range(String flag, int min, int max) {
    String rule() {
      return "--" + flag + " must be an integer from " + min + " to " + max;
    }

    int check(long value) {
      if (value < min || value > max) {
        throw new IllegalArgumentException(rule() + ", got " + value);
      }
      return (int) value;
    }

    int parse(String text) {
      if (text == null) {
        throw new IllegalArgumentException("missing --" + flag + ": " + rule());
      }
      try {
        return check(Long.parseLong(text));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(rule() + ", got '" + text + "'", e);
      }
    }
  }

  public GeneratorSettings {
    ACCOUNTS.check(accounts);
    DAYS.check(days);
    FILES.check(files);
    if (start == null || start.isBefore(FIRST_START) || start.isAfter(LAST_START)) {
      throw new IllegalArgumentException(START_RULE + ", got " + start);
    }
  }

  /** With the default start day and number of files. */
  public GeneratorSettings(int accounts, int days, long seed) {
    this(accounts, days, seed, DEFAULT_START, DEFAULT_FILES);
  }

  /**
   * Reads {@code --accounts N --days D --seed S [--files K] [--start YYYY-MM-DD]} (also {@code
   * --name=value}).
   *
   * @throws IllegalArgumentException naming the flag and its allowed values when a flag is missing,
   *     unknown, repeated or out of range
   */
  public static GeneratorSettings parse(String[] args) {
    return from(Flags.parse(args, FLAGS));
  }

  static GeneratorSettings from(Flags flags) {
    String files = flags.get(FILES.flag());
    return new GeneratorSettings(
        ACCOUNTS.parse(flags.get(ACCOUNTS.flag())),
        DAYS.parse(flags.get(DAYS.flag())),
        seed(flags.get("seed")),
        start(flags.get("start")),
        files == null ? DEFAULT_FILES : FILES.parse(files));
  }

  private static long seed(String text) {
    if (text == null) {
      throw new IllegalArgumentException("missing --seed: " + SEED_RULE);
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(SEED_RULE + ", got '" + text + "'", e);
    }
  }

  private static LocalDate start(String text) {
    if (text == null) {
      return DEFAULT_START;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(START_RULE + ", got '" + text + "'", e);
    }
  }
}
