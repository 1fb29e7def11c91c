package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.dunbar.privacy.PseudonymKey;
import org.dunbar.privacy.Pseudonyms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HandMadeDump} run plainly and pseudonymized with two keys: one from the flag, one from the
 * study file, which also sets {@code min_cell}. The same tables up to the id mapping, two keys
 * share no pseudonym, and small cells are suppressed at the boundary.
 */
class PrivacyStudyTest {
  /** Table → its id columns; every other table must be identical. */
  private static final Map<String, List<String>> ID_COLUMNS =
      Map.of(
          "follower_growth",
          List.of("account"),
          "account_engagement",
          List.of("account"),
          "interaction_edges",
          List.of("actor", "target"));

  /** Aggregate table → its cell size column and coordinates. */
  private static final Map<String, List<String>> CELLS =
      Map.of(
          "engagement_by_cohort",
              List.of("accounts", "audience_band", "band_order", "period_start"),
          "acquisition_cohorts",
              List.of("follows", "audience_band", "band_order", "acquisition_month", "reason"),
          "dunbar_curve", List.of("accounts", "k_min", "k_max"));

  /** The second run's min_cell: the hand-made tables have cells of 1 and of 2. */
  private static final int MIN_CELL = 2;

  private static final List<String> OTHER_TABLES =
      List.of("acquisition_cohorts", "engagement_by_cohort", "dunbar_curve", "network_layers");

  @TempDir static Path tmp;
  static Path plain;
  static Path first;
  static Path second;
  static PseudonymKey firstKey;
  static PseudonymKey secondKey;
  static Dunbar firstRun;

  static Path keyFile(Path dir, String name, String secret) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  @BeforeAll
  static void runPlainAndWithTwoKeys() throws Exception {
    Path dump = HandMadeDump.write(tmp.resolve("dump"), null);
    Path firstFile = keyFile(tmp, "first.key", "first secret of the lab");
    Path secondFile = keyFile(tmp, "second.key", "second secret of the lab");
    firstKey = PseudonymKey.load(firstFile);
    secondKey = PseudonymKey.load(secondFile);
    plain =
        Dunbar.run(HandMadeDump.args(dump, tmp.resolve("plain"), "--runner=direct")).published();
    firstRun =
        Dunbar.run(
            HandMadeDump.args(
                dump, tmp.resolve("first"), "--runner=direct", "--pseudonymize-key=" + firstFile));
    first = firstRun.published();
    Path study = tmp.resolve("second.yaml");
    Files.writeString(
        study,
        "name: hand\nmin_cell: " + MIN_CELL + "\npseudonymize:\n  key_file: " + secondFile + "\n",
        StandardCharsets.UTF_8);
    List<String> args =
        new ArrayList<>(List.of(HandMadeDump.args(dump, tmp.resolve("second"), "--runner=direct")));
    args.add(1, study.toString());
    second = Dunbar.run(args.toArray(new String[0])).published();
  }

  /** Every id of the plain run's tables. */
  private static Set<String> plainIds() {
    Set<String> ids = new HashSet<>();
    ID_COLUMNS.forEach(
        (table, columns) ->
            columns.forEach(
                column ->
                    ids.addAll(
                        Duck.rows(
                            "select distinct " + column + " from " + Duck.table(plain, table)))));
    return ids;
  }

  /**
   * The run's rows with every pseudonym joined back to the id it was made from, through the key.
   */
  private static List<String> joinedBack(Path run, String table, PseudonymKey key) {
    Pseudonyms pseudonyms = key.pseudonyms();
    String mapping =
        plainIds().stream()
            .map(id -> "('" + id.replace("'", "''") + "', '" + pseudonyms.of(id) + "')")
            .collect(Collectors.joining(", "));
    String replaced =
        ID_COLUMNS.get(table).stream()
            .map(c -> "(select id from m where m.p = t." + c + ") as " + c)
            .collect(Collectors.joining(", "));
    String exclude =
        run.resolve(table).toFile().list((d, n) -> n.startsWith("period_month=")).length > 0
            ? " exclude (period_month)"
            : "";
    return Duck.rows(
        "with m(id, p) as (values "
            + mapping
            + ") select * replace ("
            + replaced
            + ")"
            + " from (select *"
            + exclude
            + " from "
            + Duck.table(run, table)
            + ") t order by all");
  }

  @Test
  void tablesEqualThePlainRunsUpToTheIdMapping() {
    ID_COLUMNS
        .keySet()
        .forEach(
            table -> {
              assertFalse(Duck.all(plain, table).isEmpty(), table);
              assertEquals(
                  Duck.all(plain, table),
                  joinedBack(first, table, firstKey),
                  table + " under the flag's key");
              assertEquals(
                  Duck.all(plain, table),
                  joinedBack(second, table, secondKey),
                  table + " under the study file's key");
            });
    OTHER_TABLES.forEach(
        table -> assertEquals(Duck.all(plain, table), Duck.all(first, table), table));
  }

  @Test
  void pseudonymsAreTheKeyedHashesInEveryTableSoJoinsStillWork() {
    Pseudonyms pseudonyms = firstKey.pseudonyms();
    Set<String> expected = plainIds().stream().map(pseudonyms::of).collect(Collectors.toSet());
    Set<String> published = new HashSet<>();
    ID_COLUMNS.forEach(
        (table, columns) ->
            columns.forEach(
                column ->
                    published.addAll(
                        Duck.rows(
                            "select distinct " + column + " from " + Duck.table(first, table)))));
    assertEquals(expected, published);
    assertTrue(published.stream().allMatch(p -> p.matches("[A-Z2-7]{26}")), published.toString());
    // A join analysts do: growth rows of accounts that also have engagement rows.
    String join =
        "select count(*) from "
            + Duck.table(first, "follower_growth")
            + " g join "
            + Duck.table(first, "account_engagement")
            + " e using (account, period_start)";
    assertEquals(Duck.rows(join.replace(first.toString(), plain.toString())), Duck.rows(join));
  }

  @Test
  void twoKeysGiveDisjointPseudonyms() {
    Set<String> underFirst =
        new HashSet<>(
            Duck.rows(
                "select actor from "
                    + Duck.table(first, "interaction_edges")
                    + " union select target from "
                    + Duck.table(first, "interaction_edges")));
    Set<String> underSecond =
        new HashSet<>(
            Duck.rows(
                "select actor from "
                    + Duck.table(second, "interaction_edges")
                    + " union select target from "
                    + Duck.table(second, "interaction_edges")));
    assertEquals(underFirst.size(), underSecond.size());
    assertTrue(underFirst.size() >= 5, underFirst.toString());
    underFirst.retainAll(underSecond);
    assertEquals(Set.of(), underFirst);
  }

  @Test
  void rejectedKeepsWhereAndWhyButNotTheRawText() {
    String where = "select source, line, kind, reason, raw_truncated from ";
    assertEquals(
        Duck.rows(where + Duck.table(plain, "rejected") + " order by all"),
        Duck.rows(where + Duck.table(first, "rejected") + " order by all"));
    assertEquals(
        List.of("0"), Duck.rows("select count(raw) from " + Duck.table(first, "rejected")));
    // The self-follow's detail names the fields, not the account.
    Map<String, String> details = new TreeMap<>();
    Duck.rows("select kind || ' ' || reason, detail from " + Duck.table(first, "rejected"))
        .forEach(r -> details.put(r.split("\\|")[0], r.split("\\|")[1]));
    assertEquals("actor and target", details.get("events self_follow"));
    assertEquals("follower and followee", details.get("baseline self_follow"));
    assertEquals("ts", details.get("events bad_timestamp"));
  }

  @Test
  void theManifestNamesTheKeyByItsFingerprintOnly() throws IOException {
    String text = Files.readString(first.resolve("_manifest.json"), StandardCharsets.UTF_8);
    JsonNode pseudonymize = new ObjectMapper().readTree(text).get("study").get("pseudonymize");
    assertEquals(firstKey.fingerprint(), pseudonymize.get("key_fingerprint").asText());
    assertEquals(tmp.resolve("first.key").toString(), pseudonymize.get("key_file").asText());
    assertFalse(text.contains("first secret"));
    assertFalse(firstRun.err().contains("first secret"));
    JsonNode plainStudy =
        new ObjectMapper().readTree(plain.resolve("_manifest.json").toFile()).get("study");
    assertTrue(plainStudy.get("pseudonymize").isNull());
    assertTrue(plainStudy.get("min_cell").isNull());
    JsonNode secondStudy =
        new ObjectMapper().readTree(second.resolve("_manifest.json").toFile()).get("study");
    assertEquals(MIN_CELL, secondStudy.get("min_cell").asInt());
  }

  @Test
  void aggregateRowsBelowMinCellKeepOnlyTheirCoordinates() {
    Set<Long> sizes = new HashSet<>();
    CELLS.forEach(
        (table, cell) -> {
          List<String> columns =
              Duck.describe(plain, table).stream().map(c -> c.split("\\|")[0]).toList();
          List<String> expected = new ArrayList<>();
          for (String row : Duck.all(plain, table)) {
            String[] values = row.split("\\|", -1);
            long size = Long.parseLong(values[columns.indexOf(cell.get(0))]);
            sizes.add(size);
            assertEquals(
                "false", values[columns.indexOf("suppressed")], "a plain run suppresses nothing");
            if (size < MIN_CELL) {
              for (int i = 0; i < values.length; i++) {
                values[i] =
                    cell.subList(1, cell.size()).contains(columns.get(i)) ? values[i] : "null";
              }
              values[columns.indexOf("suppressed")] = "true";
            }
            expected.add(String.join("|", values));
          }
          List<String> published = new ArrayList<>(Duck.all(second, table));
          expected.sort(null);
          published.sort(null);
          assertEquals(expected, published, table);
        });
    assertTrue(
        sizes.contains((long) MIN_CELL - 1) && sizes.contains((long) MIN_CELL),
        "cells at the boundary: " + sizes);
  }
}
