package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dunbar.generate.GeneratorSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample study (pipelines/sample.yaml) on a generated dump of 300 accounts over 120 days, on
 * embedded Flink, read back with DuckDB: the invariants of follower_growth on realistic data, the
 * planted burst, and what acquisition_cohorts says about conversation and burst followers.
 */
class GrowthStudyTest {
  @TempDir static Path tmp;
  static Path dump;
  static GeneratorSummary summary;
  static Path run;
  static String growth;

  @BeforeAll
  static void generateAndRunTheSampleStudy() throws IOException {
    dump = tmp.resolve("sample");
    SampleStudyRun sample = SampleStudyRun.in(tmp);
    summary = sample.summary();
    run = sample.run();
    growth = Duck.table(run, "follower_growth");
  }

  private static long count(String sql) {
    return Long.parseLong(Duck.rows("select count(*) from (" + sql + ")").get(0));
  }

  /** No row of the given source may match the violation; a few offenders are shown if some do. */
  private static void assertNone(String source, String what, String violation) {
    assertEquals(
        List.of(),
        Duck.rows(
            "select account, period_start, followers_start, followers_end, gained, lost, net from "
                + growth
                + " where followers_source = '"
                + source
                + "' and ("
                + violation
                + ") order by all limit 5"),
        what);
  }

  @Test
  void replayRowsAddUp() {
    assertNone(
        "replay",
        "the reason columns sum to gained",
        "gained <> gained_follow_back + gained_conversation + gained_outreach + gained_engaged +"
            + " gained_burst + gained_unexplained");
    assertNone("replay", "lost_churn + lost_other = lost", "lost <> lost_churn + lost_other");
    assertNone("replay", "net = gained - lost", "net <> gained - lost");
    assertNone(
        "replay",
        "followers_end = followers_start + net",
        "followers_end <> followers_start + net");
    assertNone(
        "replay",
        "counts are known and never negative",
        "followers_start is null or followers_end is null or gained is null or lost is null or"
            + " followers_start < 0 or followers_end < 0");
    assertNone("replay", "churned follows are among the gained ones", "gained_churned > gained");
    assertNone(
        "replay",
        "growth_rate = net / followers_start, null when the start is 0",
        "(followers_start = 0) <> (growth_rate is null) or abs(growth_rate - net / followers_start)"
            + " > 1e-12");
    assertNone(
        "replay",
        "unexplained_delta = observed_followers_end - followers_end",
        "unexplained_delta is distinct from observed_followers_end - followers_end");
    // Not vacuous: the sample has thousands of replay rows, with churn, other losses and snapshots.
    assertTrue(count("select * from " + growth + " where followers_source = 'replay'") > 1000);
    assertTrue(count("select * from " + growth + " where lost_churn > 0") > 0);
    assertTrue(count("select * from " + growth + " where lost_other > 0") > 0);
    assertTrue(
        count("select * from " + growth + " where unexplained_delta <> 0") > 0,
        "the drift accounts' snapshots");
  }

  @Test
  void replayedCountsChainFromPeriodToPeriodAndEndWithTheReplaysEdges() {
    // Counts change only in periods with effective follows or unfollows, and those have rows: each
    // row starts where the account's previous row ended.
    assertEquals(
        List.of(),
        Duck.rows(
            "select account, period_start, followers_start, previous_end from (select *,"
                + " lag(followers_end) over (partition by account order by period_start) as"
                + " previous_end from "
                + growth
                + " where followers_source = 'replay') where previous_end <> followers_start limit"
                + " 5"));
    // Every followee's last count, plus baseline followees without a row, is every follow edge at
    // the end of the replay, which network_layers counts from the pair replay itself.
    String baseline =
        "read_csv('"
            + dump.resolve("baseline/edges.txt")
            + "', delim = ' ', header = false, comment = '#', "
            + "auto_detect = false, columns = {'follower': 'VARCHAR', 'followee': 'VARCHAR'})";
    assertEquals(
        Duck.rows(
            "select edges from " + Duck.table(run, "network_layers") + " where layer = 'follow'"),
        Duck.rows(
            "select (select sum(last_end) from (select arg_max(followers_end, period_start) as"
                + " last_end from "
                + growth
                + " where followers_source = 'replay' group by account)) + (select count(*) from"
                + " (select distinct follower, followee from "
                + baseline
                + ") where followee not in (select account from "
                + growth
                + "))"));
  }

  @Test
  void snapshotOnlyAccountsCountFromTheirSnapshots() {
    // The dump cannot say who followed them: every gain and loss column is null, net comes from
    // the snapshots, and no delta is "unexplained".
    assertNone(
        "snapshot",
        "gained/lost columns are null, net = followers_end - followers_start",
        "coalesce(gained, lost, gained_follow_back, gained_conversation, gained_outreach,"
            + " gained_engaged, gained_burst, gained_unexplained, gained_churned, lost_churn,"
            + " lost_other, unexplained_delta) is not null or followers_start is null or net is"
            + " distinct from followers_end - followers_start");
    // The generator snapshots these accounts every Monday at 00:00 UTC: exactly at the period
    // start, so that snapshot is the period's followers_start.
    String snapshots =
        "read_csv('" + dump.resolve("snapshots/snapshots.csv") + "', all_varchar = true)";
    String atStart =
        "select g.account, g.period_start, g.followers_start, s.followers from "
            + growth
            + " g join "
            + snapshots
            + " s on s.account = g.account and epoch(cast(s.ts as timestamptz)) ="
            + " epoch(g.period_start::timestamp) where g.followers_source = 'snapshot'";
    assertTrue(count(atStart) >= 100, "the sample's snapshot accounts have weekly rows");
    assertEquals(
        List.of(), Duck.rows(atStart + " and cast(s.followers as bigint) <> g.followers_start"));
  }

  @Test
  void engagementIsBandedByTheSameCounts() {
    String engagement = Duck.table(run, "account_engagement");
    // Snapshot accounts are banded by their snapshot counts, replay accounts by their replayed
    // ones: the same followers_start as follower_growth's wherever both tables have the account and
    // period.
    assertEquals(
        List.of(),
        Duck.rows(
            "select e.account, e.period_start, e.followers_start, g.followers_start from "
                + engagement
                + " e join "
                + growth
                + " g using (account, period_start) where e.followers_source <> g.followers_source"
                + " or e.followers_start is distinct from g.followers_start limit 5"));
    assertTrue(
        count(
                "select * from "
                    + engagement
                    + " e join "
                    + growth
                    + " g using (account, period_start) where e.followers_source = 'snapshot'")
            > 50);
    // The SPEC's default bands, recomputed here; engaged_followers only for replay accounts.
    assertEquals(
        List.of(),
        Duck.rows(
            "select account, period_start, followers_start, audience_band, band_order from "
                + engagement
                + " where audience_band <> case when followers_start is null then 'unknown' when"
                + " followers_start <= 5 then '0-5' when followers_start <= 15 then '6-15' when"
                + " followers_start <= 50 then '16-50' when followers_start <= 150 then '51-150'"
                + " when followers_start <= 500 then '151-500' when followers_start <= 1500 then"
                + " '501-1500' when followers_start <= 5000 then '1501-5000' when followers_start"
                + " <= 50000 then '5001-50000' else '50001+' end or (followers_source = 'replay')"
                + " <> (engaged_followers is not null) limit 5"));
    assertTrue(
        count(
                "select * from "
                    + engagement
                    + " where followers_source = 'snapshot' and band_order between 2 and 4")
            > 0,
        "snapshot accounts land in real bands, not 'unknown'");
  }

  @Test
  void theTablesAgreeOnEveryFollow() {
    // Per reason, follower_growth's gained_<reason> and acquisition_cohorts' follows count the same
    // effective follows; so do churned and gained_churned.
    String reasons =
        "select 'follow_back' as reason, sum(gained_follow_back) as n from %1$s union all select"
            + " 'conversation', sum(gained_conversation) from %1$s union all select 'outreach',"
            + " sum(gained_outreach) from %1$s union all select 'engaged', sum(gained_engaged) from"
            + " %1$s union all select 'burst', sum(gained_burst) from %1$s union all select"
            + " 'unexplained', sum(gained_unexplained) from %1$s union all select 'churned',"
            + " sum(gained_churned) from %1$s";
    String cohorts = Duck.table(run, "acquisition_cohorts");
    List<String> fromGrowth =
        Duck.rows("select reason, n from (" + reasons.formatted(growth) + ") order by reason");
    List<String> fromCohorts =
        Duck.rows(
            "select reason, n from (select reason, sum(follows) as n from "
                + cohorts
                + " group by reason union all select 'churned', sum(churned) from "
                + cohorts
                + ") order by reason");
    assertEquals(fromGrowth, fromCohorts);
    assertEquals(7, fromGrowth.size(), "every reason occurs in the sample: " + fromGrowth);
    // And all of them are the follow layer's effective follows.
    assertEquals(
        Duck.rows("select sum(gained) from " + growth),
        Duck.rows(
            "select events from " + Duck.table(run, "network_layers") + " where layer = 'follow'"));
  }

  @Test
  void theBurstIsFoundWhereItWasPlantedAndNowhereElse() {
    // The planted burst: a few hundred strangers follow one account in one UTC day. It is the only
    // week of any account with burst follows.
    List<String> burstWeeks =
        Duck.rows("select account, gained_burst from " + growth + " where gained_burst > 0");
    assertEquals(1, burstWeeks.size(), burstWeeks.toString());
    String[] week = burstWeeks.get(0).split("\\|");
    assertEquals(summary.burstAccount(), week[0]);
    assertTrue(Long.parseLong(week[1]) >= 100, "burst follows: " + week[1]);
    // A burst day has at least burst_min (20) rule-less follows, so no week can hold 1 to 19.
    assertEquals(0, count("select * from " + growth + " where gained_burst between 1 and 19"));
    // Larger accounts do get rule-less follows on ordinary weeks; they are not bursts.
    assertTrue(
        count(
                "select distinct account from "
                    + growth
                    + " where account <> '"
                    + summary.burstAccount()
                    + "' and followers_start > 100 and gained_unexplained > 0")
            >= 3);
  }

  @Test
  void conversationFollowersStayAndTalkMoreThanBurstFollowers() {
    // The behaviour the generator plants: followers won in conversation keep the edge and keep
    // talking; burst followers mostly ignore the account, and about half leave within weeks.
    List<String> cohorts =
        Duck.rows(
            "select reason, sum(eligible_90d), sum(retained_90d) / sum(eligible_90d),"
                + " sum(conversed_90d) / sum(eligible_90d), sum(churned) / sum(follows) from "
                + Duck.table(run, "acquisition_cohorts")
                + " where reason in ('burst', 'conversation') group by reason order by reason");
    assertEquals(2, cohorts.size(), cohorts.toString());
    String[] burst = cohorts.get(0).split("\\|");
    String[] conversation = cohorts.get(1).split("\\|");
    assertTrue(
        Long.parseLong(burst[1]) > 0 && Long.parseLong(conversation[1]) > 0,
        "both have follows with 90 days after them: " + cohorts);
    assertTrue(
        Double.parseDouble(conversation[2]) > Double.parseDouble(burst[2]),
        "retained_90d: " + cohorts);
    assertTrue(
        Double.parseDouble(conversation[3]) > Double.parseDouble(burst[3]),
        "conversed_90d: " + cohorts);
    assertTrue(
        Double.parseDouble(conversation[4]) < Double.parseDouble(burst[4]),
        "churn share: " + cohorts);
  }

  @Test
  void audiencesAreHeavyTailed() {
    // The generator's Zipf attractiveness, seen in the replayed counts at each account's last row:
    // a few large audiences, most small.
    String[] last =
        Duck.rows(
                "select max(n), quantile_disc(n, 0.5) from (select"
                    + " arg_max(followers_end, period_start) as n from "
                    + growth
                    + " where followers_source = 'replay' group by account)")
            .get(0)
            .split("\\|");
    long largest = Long.parseLong(last[0]);
    long median = Long.parseLong(last[1]);
    assertTrue(
        largest >= 150 && largest >= 20 * median, "largest " + largest + ", median " + median);
  }

  @Test
  void largeAccountsAnswerASmallerShareThanSmallOnes() {
    // Pooled reply-back share of accounts over 150 followers and of those with at most 15: answered
    // = reply_back_rate × directed received (others' self-directed events are too rare to matter).
    String received =
        "(replies_received + mentions_received + quotes_received + messages_received)";
    List<String> shares =
        Duck.rows(
            "select followers_start > 150, sum("
                + received
                + "),"
                + " sum(reply_back_rate * "
                + received
                + ") / sum("
                + received
                + ") from "
                + Duck.table(run, "account_engagement")
                + " where reply_back_rate is not null and (followers_start > 150 or followers_start"
                + " <= 15) group by all order by all");
    assertEquals(2, shares.size(), shares.toString());
    String[] small = shares.get(0).split("\\|");
    String[] large = shares.get(1).split("\\|");
    assertTrue(
        Long.parseLong(small[1]) >= 100 && Long.parseLong(large[1]) >= 100,
        "too few received: " + shares);
    assertTrue(
        Double.parseDouble(large[2]) < 0.6 * Double.parseDouble(small[2]), shares.toString());
  }

  @Test
  void theRunFindsTheDuplicatesTheGeneratorPlanted() throws IOException {
    // The same id-less line in two part files, and an explicit event_id repeated, once with other
    // contents: the run's id rule finds exactly the copies the generator says it wrote.
    JsonNode events =
        new ObjectMapper()
            .readTree(run.resolve("_manifest.json").toFile())
            .get("accounting")
            .get("events");
    assertEquals(summary.duplicateLines(), events.get("duplicates").asLong());
    assertEquals(summary.conflictingDuplicates(), events.get("conflicting_duplicates").asLong());
  }
}
