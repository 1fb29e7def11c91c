package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accounts table (issue 11) from a hand-made Twitter v1.1 collection and a hand-made Jetstream
 * capture read in one study on embedded Flink, and again pseudonymized. Line by line (UTC, Monday
 * 2024-06-10 unless said):
 *
 * <ul>
 *   <li>tweets 1, 10:00: ann_v1 (1001) posts, mentioning bob (1002);
 *   <li>tweets 2, 11:00: Bob (1002, now capitalised) replies to it, naming ann_v1;
 *   <li>tweets 3, 11th 09:00: ann_v2 (1001, renamed) posts;
 *   <li>tweets 4: a delete notice: skipped;
 *   <li>jetstream 1, 10:00: did:plc:cat posts (a commit names no handle);
 *   <li>jetstream 2–3, 11:00 and 12:00: cat's identity events, cat.old.example then cat.example;
 *   <li>jetstream 4, 12:00: dan's identity event without a handle;
 *   <li>jetstream 5–6, both 13:00: eve's identity events, eve-b.example then eve-a.example: a tie;
 *   <li>jetstream 7: dan's account event: skipped.
 * </ul>
 */
class AccountsStudyTest {
  private static final long H10 = 1_718_013_600_000_000L;
  private static final long HOUR = 3_600_000_000L;

  private static final List<String> TWEETS =
      List.of(
          "{\"id_str\":\"11\",\"created_at\":\"Mon Jun 10 10:00:00 +0000 2024\","
              + "\"user\":{\"id_str\":\"1001\",\"screen_name\":\"ann_v1\",\"followers_count\":10},"
              + "\"entities\":{\"user_mentions\":[{\"id_str\":\"1002\",\"screen_name\":\"bob\"}]}}",
          "{\"id_str\":\"12\",\"created_at\":\"Mon Jun 10 11:00:00 +0000 2024\","
              + "\"user\":{\"id_str\":\"1002\",\"screen_name\":\"Bob\",\"followers_count\":3},"
              + "\"in_reply_to_status_id_str\":\"11\",\"in_reply_to_user_id_str\":\"1001\","
              + "\"in_reply_to_screen_name\":\"ann_v1\",\"entities\":{\"user_mentions\":"
              + "[{\"id_str\":\"1001\",\"screen_name\":\"ann_v1\"}]}}",
          "{\"id_str\":\"13\",\"created_at\":\"Tue Jun 11 09:00:00 +0000 2024\","
              + "\"user\":{\"id_str\":\"1001\",\"screen_name\":\"ann_v2\",\"followers_count\":12}}",
          "{\"delete\":{\"status\":{\"id_str\":\"99\",\"user_id_str\":\"1001\"}}}");

  private static final List<String> JETSTREAM =
      List.of(
          "{\"did\":\"did:plc:cat\",\"time_us\":"
              + H10
              + ",\"kind\":\"commit\",\"commit\":{\"rev\":\"r1\",\"operation\":\"create\","
              + "\"collection\":\"app.bsky.feed.post\",\"rkey\":\"p1\",\"record\":"
              + "{\"$type\":\"app.bsky.feed.post\",\"text\":\"hi\","
              + "\"createdAt\":\"2024-06-10T10:00:00Z\"}}}",
          identity("did:plc:cat", H10 + HOUR, "cat.old.example"),
          identity("did:plc:cat", H10 + 2 * HOUR, "cat.example"),
          identity("did:plc:dan", H10 + 2 * HOUR, null),
          identity("did:plc:eve", H10 + 3 * HOUR, "eve-b.example"),
          identity("did:plc:eve", H10 + 3 * HOUR, "eve-a.example"),
          "{\"did\":\"did:plc:dan\",\"time_us\":"
              + H10
              + ",\"kind\":\"account\",\"account\":{\"active\":false,\"did\":\"did:plc:dan\","
              + "\"seq\":9,\"status\":\"deactivated\",\"time\":\"2024-06-10T10:00:00Z\"}}");

  private static final String ROWS =
      "select account, name, strftime(name_first_seen_at at time zone 'UTC', '%d %H:%M'),"
          + " strftime(name_seen_at at time zone 'UTC', '%d %H:%M'),"
          + " strftime(first_seen_at at time zone 'UTC', '%d %H:%M'), names_seen from ";

  @TempDir static Path tmp;
  static Path plain;
  static Path pseudonymized;

  private static String identity(String did, long timeUs, String handle) {
    String named = handle == null ? "" : ",\"handle\":\"" + handle + "\"";
    return "{\"did\":\""
        + did
        + "\",\"time_us\":"
        + timeUs
        + ",\"kind\":\"identity\",\"identity\":{\"did\":\""
        + did
        + "\""
        + named
        + ",\"seq\":1,\"time\":\"2024-06-10T00:00:00Z\"}}";
  }

  @BeforeAll
  static void runPlainOnFlinkAndPseudonymizedOnDirect() throws IOException {
    Files.write(tmp.resolve("tweets.jsonl"), TWEETS, StandardCharsets.UTF_8);
    Files.write(tmp.resolve("jetstream.jsonl"), JETSTREAM, StandardCharsets.UTF_8);
    Path study = tmp.resolve("named.yaml");
    Files.writeString(
        study,
        "name: named\nperiod: week\ninputs:\n  events:\n"
            + "    - {path: '"
            + tmp.resolve("tweets.jsonl")
            + "', format: twitter-v1}\n"
            + "    - {path: '"
            + tmp.resolve("jetstream.jsonl")
            + "', format: bluesky-jetstream}\n"
            + "runner: flink\n",
        StandardCharsets.UTF_8);
    plain = Dunbar.run("run", study.toString(), "--output=" + tmp.resolve("plain")).published();
    Path key = PrivacyStudyTest.keyFile(tmp, "lab.key", "the lab's secret");
    pseudonymized =
        Dunbar.run(
                "run",
                study.toString(),
                "--output=" + tmp.resolve("pseudonymized"),
                "--runner=direct",
                "--pseudonymize-key=" + key)
            .published();
  }

  @Test
  void namesDoNotChangeTheAccountingAndIdentityEventsStaySkipped() {
    // 11 records = 4 accepted (3 tweets, cat's post) + 7 skipped; the tweets make a post and a
    // mention, a reply (its mention of ann is the replied-to), a post; cat's post a post.
    assertEquals(
        "published read=11 accepted=4 rejected=0 skipped=7"
            + " {\"account\":1,\"delete\":1,\"identity\":5}"
            + " events=5 unique=5 duplicates=0 unresolved={}",
        EventAccounting.of(plain));
  }

  @Test
  void eachNamedAccountHasItsLastNameRenamesAndTies() {
    assertEquals(
        List.of(
            // ann_v1 at 10:00 and 11:00 (author, then replied-to and mentioned), ann_v2 on the
            // 11th.
            "1001|ann_v2|11 09:00|11 09:00|10 10:00|2",
            // Mentioned as bob at 10:00, author as Bob at 11:00: a change of case is a new name.
            "1002|Bob|10 11:00|10 11:00|10 10:00|2",
            // The post names no handle: cat is first seen at its first identity event.
            "did:plc:cat|cat.example|10 12:00|10 12:00|10 11:00|2",
            // Two handles at one instant: the greater in UTF-8 byte order; dan has none.
            "did:plc:eve|eve-b.example|10 13:00|10 13:00|10 13:00|2"),
        Duck.rows(ROWS + Duck.table(plain, "accounts") + " order by account"));
  }

  @Test
  void namesJoinOntoTheOtherTablesByAccount() {
    // The tweets' follower counts give ann and bob follower_growth rows; the join reads them.
    assertEquals(
        List.of("1001|ann_v2|12", "1002|Bob|3"),
        growthWithNames(plain, "g.account, a.name, g.followers_end"));
  }

  /** follower_growth joined with accounts on the account column, as an analyst reads them. */
  private static List<String> growthWithNames(Path run, String columns) {
    return Duck.rows(
        "select "
            + columns
            + " from "
            + Duck.table(run, "follower_growth")
            + " g join "
            + Duck.table(run, "accounts")
            + " a using (account) order by all");
  }

  /** Some columns of a run's accounts table, every row, in order. */
  private static List<String> sorted(Path run, String columns) {
    return Duck.rows(
        "select " + columns + " from " + Duck.table(run, "accounts") + " order by all");
  }

  @Test
  void aPseudonymizedRunKeepsTheRowsButNoName() {
    assertEquals(
        List.of("0|4|4"),
        Duck.rows(
            "select count(name), count(*), count(distinct account) from "
                + Duck.table(pseudonymized, "accounts")
                + " where length(account) = 26"));
    // The same rows apart from the withheld name and the pseudonym.
    String times = "names_seen, first_seen_at, name_first_seen_at, name_seen_at";
    assertEquals(sorted(plain, times), sorted(pseudonymized, times));
    // Pseudonyms join: every accounts row of a Twitter account meets its follower_growth row.
    assertEquals(List.of("2"), growthWithNames(pseudonymized, "count(*)"));
  }
}
