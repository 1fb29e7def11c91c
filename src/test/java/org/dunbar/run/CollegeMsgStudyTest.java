package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dunbar.tables.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SNAP CollegeMsg (real private messages, published figures in ../shared/data/README.md) through
 * the CLI on embedded Flink: the message layer must reproduce SNAP's counts, every table must
 * build, and dunbar_curve must agree with the curve computed by DuckDB straight from the raw file.
 */
class CollegeMsgStudyTest {
  static Path messages;
  static Path run;

  @BeforeAll
  static void runOnEmbeddedFlink() throws IOException {
    messages = CollegeMsgRun.messages();
    run = CollegeMsgRun.published();
  }

  private static String layer(String name) {
    return Duck.rows(
            "select nodes, edges, events, self_loops, reciprocal_edges, edge_reciprocity,"
                + " pair_reciprocity from "
                + Duck.table(run, "network_layers")
                + " where layer = '"
                + name
                + "'")
        .get(0);
  }

  @Test
  void messageLayerReproducesSnapsPublishedFigures() {
    String message = layer("message");
    System.out.println(
        "CollegeMsg message layer"
            + " (nodes|edges|events|self_loops|reciprocal_edges|edge_reciprocity|pair_reciprocity):"
            + " "
            + message);
    assertTrue(message.startsWith("1899|20296|59835|"), message);
    // Every event is a message, so the directed and any layers are the message layer.
    assertEquals(message, layer("directed"));
    assertEquals(message, layer("any"));
  }

  @Test
  void reciprocityMatchesTheRawFile() {
    // Ordered pairs whose reverse pair also messaged, counted by DuckDB from the raw lines.
    String raw =
        Duck.rows(
                "with m as ("
                    + rawMessages()
                    + "), pairs as (select distinct src, dst from m where src <> dst) select"
                    + " count(*) from pairs p join pairs q on p.src = q.dst and p.dst = q.src")
            .get(0);
    assertEquals(raw, layer("message").split("\\|")[4]);
  }

  @Test
  void everyTableBuildsAndTheAccountingBalances() throws IOException {
    JsonNode manifest = new ObjectMapper().readTree(run.resolve("_manifest.json").toFile());
    JsonNode events = manifest.get("accounting").get("events");
    // One message a line and SNAP lines carry no ids: every line is a distinct event.
    assertEquals(
        List.of(59835L, 59835L, 0L, 59835L),
        List.of(
            events.get("read").asLong(),
            events.get("accepted").asLong(),
            events.get("rejected").asLong(),
            events.get("unique").asLong()));
    JsonNode rows = manifest.get("rows");
    for (Table table : Table.values()) {
      assertTrue(rows.has(table.tableName()), "row count of " + table.tableName() + " in " + rows);
    }
    // No follows and no snapshots: no growth rows, no acquisitions, an empty follow layer.
    assertEquals(0, rows.get("follower_growth").asLong());
    assertEquals(0, rows.get("acquisition_cohorts").asLong());
    assertEquals(0, rows.get("rejected").asLong());
    assertEquals(9, rows.get("network_layers").asLong());
    assertEquals(20296, rows.get("interaction_edges").asLong());
    for (String table :
        List.of(
            "account_engagement", "engagement_by_cohort", "dunbar_curve", "interaction_edges")) {
      long written = rows.get(table).asLong();
      assertTrue(written > 0, table + " is empty");
      assertEquals(
          List.of(String.valueOf(written)),
          Duck.rows("select count(*) from " + Duck.table(run, table)),
          table + ": rows in the Parquet files");
    }
  }

  @Test
  void accountEngagementCountsEveryMessageOnceEachWay() {
    // Nobody has a follower count (no follows, no snapshots): every row is in the unknown band.
    assertEquals(
        List.of("59835|59835|unknown/9/none"),
        Duck.rows(
            "select sum(messages_sent), sum(messages_received), string_agg(distinct audience_band"
                + " || '/' || band_order || '/' || followers_source, ',') from "
                + Duck.table(run, "account_engagement")));
  }

  @Test
  void dunbarCurveMatchesTheCurveComputedFromTheRawFile() {
    List<String> curve =
        Duck.rows(
            "select k_min, k_max, accounts, round(mean_w, 6), median_w from "
                + Duck.table(run, "dunbar_curve")
                + " order by k_min");
    System.out.println("CollegeMsg dunbar_curve (k_min|k_max|accounts|mean_w|median_w):");
    curve.forEach(row -> System.out.println("  " + row));
    // The SPEC's definition in SQL: per account, k reciprocal partners and w = messages sent to
    // them / k; buckets [1,1], [2,2], [3,4], [5,8], …; the median is the ⌈n/2⌉-th smallest w.
    List<String> expected =
        Duck.rows(
            "with m as ("
                + rawMessages()
                + "), pairs as (select src, dst, count(*) as n from m where src <> dst group by"
                + " src, dst), accounts as (select p.src as account, count(*) as k, sum(p.n) /"
                + " count(*) as w   from pairs p join pairs q on p.src = q.dst and p.dst = q.src"
                + " group by p.src), bucketed as (select w, case when k <= 2 then k else"
                + " cast(pow(2, ceil(log2(k))) as bigint) end as k_max from accounts), ranked as"
                + " (select *, row_number() over (partition by k_max order by w) as rank,  "
                + " count(*) over (partition by k_max) as n from bucketed) select case when k_max"
                + " <= 2 then k_max else k_max // 2 + 1 end, k_max, count(*), round(avg(w), 6),  "
                + " max(w) filter (where rank = (n + 1) // 2) from ranked group by k_max order by"
                + " k_max");
    assertEquals(expected, curve);
  }

  private static String rawMessages() {
    return "select * from read_csv('"
        + messages
        + "', delim = ' ', header = false, "
        + "columns = {'src': 'VARCHAR', 'dst': 'VARCHAR', 'ts': 'BIGINT'})";
  }
}
