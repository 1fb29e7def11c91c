package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dunbar.tables.WriteTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dunbar report} on the sample study (a generated dump of 300 accounts over 120 days, on
 * embedded Flink), opened in headless Chromium: every chart is drawn with data and without a script
 * error, and the page's numbers are the tables' as DuckDB sums them. The screenshot is kept as
 * {@code target/report/sample.png}. Also: a run whose tables are empty, a pseudonymized run with
 * min_cell, and how the command finds its run.
 */
class ReportTest {
  private static final List<String> CHARTS =
      List.of("growth", "churn", "cohorts", "engagement", "broadcast", "curve");
  private static final Path SCREENSHOT = Path.of("target/report/sample.png");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  static Path run;
  static Path page;

  @BeforeAll
  static void runTheSampleStudyAndItsReport() throws IOException {
    run = SampleStudyRun.in(tmp).run();
    page = report("--output", tmp.resolve("out").toString(), "--name", "sample");
  }

  /** Runs {@code dunbar report} and returns the file it printed. */
  private static Path report(String... args) {
    List<String> command = new ArrayList<>(List.of("report"));
    command.addAll(Arrays.asList(args));
    Dunbar result = Dunbar.run(command.toArray(new String[0]));
    assertEquals(Cli.OK, result.exitCode(), result.err());
    return Path.of(result.out().strip());
  }

  /** What the page recorded in #report-check once Chromium ran it: drawn charts and errors. */
  private static JsonNode check(Path html) throws Exception {
    Matcher m =
        Pattern.compile("<pre id=\"report-check\"[^>]*>(.*?)</pre>", Pattern.DOTALL)
            .matcher(HeadlessChromium.dumpDom(html));
    assertTrue(m.find(), "the page wrote its #report-check");
    return JSON.readTree(
        m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
  }

  /** The data the page was written with (the JSON after {@code var data =}). */
  private static JsonNode data(Path html) throws IOException {
    String text = Files.readString(html, StandardCharsets.UTF_8);
    return JSON.readTree(text.substring(text.indexOf("var data = ") + "var data = ".length()));
  }

  private static JsonNode chart(JsonNode data, String id) {
    for (JsonNode chart : data.path("charts")) {
      if (chart.path("id").asText().equals(id)) {
        return chart;
      }
    }
    throw new AssertionError("no chart " + id);
  }

  /** A series' values, nulls as NaN. */
  private static double[] series(JsonNode chart, String name) {
    for (JsonNode s : chart.path("series")) {
      if (s.path("name").asText().equals(name)) {
        double[] values = new double[s.path("values").size()];
        for (int i = 0; i < values.length; i++) {
          values[i] =
              s.path("values").get(i).isNull() ? Double.NaN : s.path("values").get(i).asDouble();
        }
        return values;
      }
    }
    throw new AssertionError("no series " + name + " in " + chart.path("id"));
  }

  /** A DuckDB query's single column, nulls as NaN. */
  private static double[] column(String sql) {
    return Duck.rows(sql).stream()
        .mapToDouble(v -> v.equals("null") ? Double.NaN : Double.parseDouble(v))
        .toArray();
  }

  /** A chart's series equals what DuckDB computes, to 1e-12 (sums in another order). */
  private static void assertSeries(JsonNode data, String chart, String series, String sql) {
    assertArrayEquals(
        column(sql), series(chart(data, chart), series), 1e-12, chart + ": " + series);
  }

  @Test
  void everyChartIsDrawnWithDataAndNoScriptError() throws Exception {
    JsonNode check = check(page);
    assertEquals("[]", check.path("errors").toString());
    for (String id : CHARTS) {
      JsonNode chart = check.path("charts").path(id);
      assertEquals("drawn", chart.path("status").asText(), id + ": " + chart);
      int points = chart.path("points").asInt();
      assertTrue(points > 0, id + " has values: " + chart);
      // ECharts holds every value, nulls included, and drew at least one SVG shape per value
      // (bars and line symbols, beside the axes).
      assertTrue(chart.path("held").asInt() >= points, id + ": " + chart);
      assertTrue(chart.path("shapes").asInt() >= points, id + " is drawn: " + chart);
    }
    assertEquals(9, check.path("charts").path("layers").path("rows").asInt(), "all nine layers");
    assertEquals(
        3, check.path("charts").path("accounting").path("rows").asInt(), "three input kinds");

    HeadlessChromium.screenshot(page, SCREENSHOT, 1400, 2560);
    byte[] png = Files.readAllBytes(SCREENSHOT);
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
  }

  @Test
  void theReportIsOneFileBesideTheTablesOfTheLatestRunAndFetchesNothing() throws IOException {
    assertEquals(run.resolve("report.html"), page);
    assertEquals(page, report(run.toString()), "a run folder");
    assertEquals(
        page, report(run.getParent().getParent().toString()), "a study folder: its LATEST run");
    assertEquals(
        page, report("--output", tmp.resolve("out").toString()), "the only study under --output");
    String html = Files.readString(page, StandardCharsets.UTF_8);
    assertTrue(html.contains("t.version=\"5.3.1\""), "ECharts 5.3.1 is inlined");
    assertFalse(
        Pattern.compile("(src|href)\\s*=\\s*[\"']?(https?:)?//").matcher(html).find(),
        "no script, style or image is fetched from elsewhere");
  }

  @Test
  void growthAndChurnAreFollowerGrowthSummedPerPeriod() throws IOException {
    JsonNode data = data(page);
    String growth = Duck.table(run, "follower_growth");
    for (String reason :
        List.of("follow_back", "conversation", "outreach", "engaged", "burst", "unexplained")) {
      assertArrayEquals(
          column(
              "select sum(gained_"
                  + reason
                  + ") from "
                  + growth
                  + " group by period_start order by period_start"),
          series(chart(data, "growth"), reason),
          reason);
    }
    for (String loss : List.of("lost_churn", "lost_other", "gained_churned")) {
      assertArrayEquals(
          column(
              "select sum("
                  + loss
                  + ") from "
                  + growth
                  + " group by period_start order by period_start"),
          series(chart(data, "churn"), loss),
          loss);
    }
    List<String> periods = new ArrayList<>();
    chart(data, "growth").path("x").forEach(period -> periods.add(period.asText()));
    assertEquals(
        Duck.rows(
            "select strftime(period_start, '%Y-%m-%d') from "
                + growth
                + " group by period_start order by period_start"),
        periods);
    assertEquals(
        Long.parseLong(Duck.rows("select count(*) from " + growth).get(0)),
        chart(data, "growth").path("rows").asLong());
  }

  @Test
  void cohortsBandsAndTheCurveAreTheReadmeQueries() throws IOException {
    JsonNode data = data(page);
    String cohorts = Duck.table(run, "acquisition_cohorts");
    String byReason =
        " from "
            + cohorts
            + " group by reason order by case reason when 'follow_back' then 0 when 'conversation'"
            + " then 1 when 'outreach' then 2 when 'engaged' then 3 when 'burst' then 4 else 5 end";
    assertSeries(data, "cohorts", "churned", "select sum(churned) / sum(follows)" + byReason);
    assertSeries(
        data,
        "cohorts",
        "retained 90 d",
        "select sum(retained_90d) / nullif(sum(eligible_90d), 0)" + byReason);
    assertSeries(
        data,
        "cohorts",
        "conversed 90 d",
        "select sum(conversed_90d) / nullif(sum(eligible_90d), 0)" + byReason);

    String bands =
        " from "
            + Duck.table(run, "engagement_by_cohort")
            + " group by band_order order by band_order";
    assertSeries(
        data,
        "engagement",
        "engager rate",
        "select sum(engagers_sum) / nullif(sum(followers_start_sum), 0)" + bands);
    assertSeries(
        data, "engagement", "reply-back rate", "select median(reply_back_rate_p50)" + bands);
    assertSeries(
        data, "broadcast", "broadcast share", "select median(broadcast_share_p50)" + bands);

    String curve = " from " + Duck.table(run, "dunbar_curve") + " order by k_min";
    assertArrayEquals(column("select accounts" + curve), series(chart(data, "curve"), "accounts"));
    assertArrayEquals(column("select mean_w" + curve), series(chart(data, "curve"), "mean w"));
  }

  @Test
  void aRunWithEmptyTablesSaysNoRowsInEveryChart() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty/runs/r1"));
    WriteTables.writeEmptyTables(empty);
    Files.copy(run.resolve("_manifest.json"), empty.resolve("_manifest.json"));
    JsonNode check = check(report(empty.toString()));
    assertEquals("[]", check.path("errors").toString());
    for (String id : CHARTS) {
      assertEquals("no rows", check.path("charts").path(id).path("status").asText(), id);
    }
    assertEquals("no rows", check.path("charts").path("layers").path("status").asText());
    assertTrue(
        HeadlessChromium.dumpDom(empty.resolve("report.html"))
            .contains("no rows in follower_growth"));
  }

  @Test
  void aPseudonymizedMinCellRunDrawsWhatIsLeftAndCountsTheSuppressedRows() throws Exception {
    Path dump = HandMadeDump.write(tmp.resolve("hand"), null);
    Path key = PrivacyStudyTest.keyFile(tmp, "report.key", "a secret of the report test");
    Path hand =
        Dunbar.run(
                HandMadeDump.args(
                    dump,
                    tmp.resolve("private"),
                    "--runner=direct",
                    "--pseudonymize-key=" + key,
                    "--min-cell=2"))
            .published();
    Path html = report(hand.toString());
    JsonNode check = check(html);
    assertEquals("[]", check.path("errors").toString());
    for (String id : CHARTS) {
      String status = check.path("charts").path(id).path("status").asText();
      assertTrue(status.equals("drawn") || status.equals("no values"), id + ": " + status);
    }
    long suppressed =
        Long.parseLong(
            Duck.rows(
                    "select count(*) from "
                        + Duck.table(hand, "acquisition_cohorts")
                        + " where suppressed")
                .get(0));
    assertTrue(suppressed > 0, "min_cell 2 suppresses some of the hand-made cohorts");
    assertEquals(suppressed, chart(data(html), "cohorts").path("suppressed").asLong());
    String dom = HeadlessChromium.dumpDom(html);
    assertTrue(dom.contains(suppressed + " rows suppressed by min_cell left out"), dom);
    assertTrue(dom.contains("keyed pseudonyms, min_cell 2"), "the facts say how it was released");
  }

  @Test
  void withoutARunToReportTheCommandExitsTwoAndSaysWhatToGive() throws IOException {
    Dunbar none = Dunbar.run("report", "--output", tmp.resolve("nothing").toString());
    assertEquals(Cli.BAD_STUDY, none.exitCode());
    assertTrue(none.err().startsWith("dunbar report: no study with runs under "), none.err());

    Path folder = Files.createDirectories(tmp.resolve("not-a-run"));
    Dunbar notRun = Dunbar.run("report", folder.toString());
    assertEquals(Cli.BAD_STUDY, notRun.exitCode());
    assertTrue(
        notRun.err().contains("is neither a run folder with a _manifest.json nor a study folder"),
        notRun.err());

    Path two = tmp.resolve("two");
    Files.createDirectories(two.resolve("a/runs"));
    Files.createDirectories(two.resolve("b/runs"));
    Dunbar ambiguous = Dunbar.run("report", "--output", two.toString());
    assertEquals(Cli.BAD_STUDY, ambiguous.exitCode());
    assertTrue(
        ambiguous.err().endsWith("holds 2 studies: give --name, one of a, b\n"), ambiguous.err());
    Dunbar unpublished = Dunbar.run("report", "--output", two.toString(), "--name", "a");
    assertTrue(
        unpublished.err().endsWith("has no published run (no LATEST): give a run folder\n"),
        unpublished.err());
  }
}
