package org.dunbar.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GeneratorSettingsTest {
  @Test
  void parsesRequiredFlagsAndDefaults() {
    GeneratorSettings s =
        GeneratorSettings.parse(
            new String[] {"--accounts", "2000", "--days", "120", "--seed", "-3"});
    assertEquals(new GeneratorSettings(2000, 120, -3, LocalDate.of(2024, 1, 1), 4), s);
  }

  @Test
  void parsesOptionalFlagsInEitherForm() {
    GeneratorSettings s =
        GeneratorSettings.parse(
            new String[] {
              "--files=2", "--seed=9", "--start", "2023-06-01", "--days=30", "--accounts", "100"
            });
    assertEquals(new GeneratorSettings(100, 30, 9, LocalDate.of(2023, 6, 1), 2), s);
  }

  @Test
  void commandReadsOutAndSettings() {
    GenerateCommand c =
        GenerateCommand.parse(
            new String[] {
              "--out", "/tmp/x", "--accounts", "500", "--days", "20", "--seed", "1", "--files", "3"
            });
    assertEquals(Path.of("/tmp/x"), c.out());
    assertEquals(
        new GeneratorSettings(500, 20, 1, GeneratorSettings.DEFAULT_START, 3), c.settings());
  }

  @Test
  void rejectionsNameTheFlagAndItsAllowedValues() {
    assertMessage(
        "--accounts must be an integer from 100 to 1000000", "--days", "20", "--seed", "1");
    assertMessage(
        "--accounts must be an integer from 100 to 1000000, got 99",
        "--accounts",
        "99",
        "--days",
        "20",
        "--seed",
        "1");
    assertMessage(
        "--days must be an integer from 14 to 3650, got 'ten'",
        "--accounts",
        "100",
        "--days",
        "ten",
        "--seed",
        "1");
    assertMessage("--seed must be a 64-bit integer", "--accounts", "100", "--days", "20");
    assertMessage(
        "--files must be an integer from 1 to 1000, got 0",
        "--accounts",
        "100",
        "--days",
        "20",
        "--seed",
        "1",
        "--files",
        "0");
    assertMessage(
        "--start must be a date YYYY-MM-DD from 2000-01-01 to 2999-12-31, got 1999-12-31",
        "--accounts",
        "100",
        "--days",
        "20",
        "--seed",
        "1",
        "--start",
        "1999-12-31");
    assertMessage(
        "unknown flag --acounts: expected one of --accounts, --days, --seed, --files, --start",
        "--acounts",
        "100");
    assertMessage("--days is given more than once", "--days", "20", "--days", "30");
    assertMessage("--seed needs a value", "--accounts", "100", "--days", "20", "--seed");
  }

  @Test
  void commandRequiresOut() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                GenerateCommand.parse(
                    new String[] {"--accounts", "100", "--days", "20", "--seed", "1"}));
    assertTrue(e.getMessage().contains("--out"), e.getMessage());
  }

  private static void assertMessage(String expected, String... args) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GeneratorSettings.parse(args));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
