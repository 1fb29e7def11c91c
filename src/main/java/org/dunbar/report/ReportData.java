package org.dunbar.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.dunbar.analysis.FollowReason;
import org.dunbar.graph.InteractionGraph;
import org.dunbar.report.Chart.Series;
import org.dunbar.tables.Table;
import org.dunbar.tables.TableRows;

/**
 * What the report shows, read from a finished run folder: facts and accounting from its {@code
 * _manifest.json}, and each table reduced, row by row, to the few numbers a chart needs. Tables are
 * streamed, never held; what is kept grows with the run's periods, reasons and bands, not with its
 * accounts. Sums and ratios are those of the README's example queries.
 *
 * @param title the page's title
 * @param facts label and value of the run's facts (study, run, times, inputs, parameters, rows)
 * @param charts the charts, in page order
 * @param tables network_layers and the accounting
 */
public record ReportData(
    String title, List<List<String>> facts, List<Chart> charts, List<TableView> tables) {
  static final String MANIFEST = "_manifest.json";
  private static final List<String> REASONS =
      Arrays.stream(FollowReason.values()).map(FollowReason::label).toList();
  private static final List<String> LOSSES = List.of("lost_churn", "lost_other", "gained_churned");
  private static final List<String> COHORT_COUNTS =
      List.of(
          "follows",
          "churned",
          "eligible_30d",
          "retained_30d",
          "eligible_90d",
          "retained_90d",
          "engaged_90d",
          "conversed_90d");
  private static final List<String> BAND_SUMS =
      List.of("followers_start_sum", "engagers_sum", "engaged_followers_sum");
  private static final List<String> BAND_MEDIANS =
      List.of("reply_back_rate_p50", "broadcast_share_p50", "conversation_partners_mean");

  /**
   * Accounting counts that get a column of their own; the rest of a kind's fields are its details.
   */
  private static final List<String> ACCOUNTING_COLUMNS =
      List.of("read", "accepted", "rejected", "skipped", "unique", "bytes_read", "bytes_rejected");

  /**
   * Reads a run folder.
   *
   * @throws IllegalArgumentException when the folder has no {@code _manifest.json} (not a run
   *     folder, or a run that never ended)
   * @throws IOException when the manifest or a table cannot be read
   */
  public static ReportData read(Path runDir) throws IOException {
    Path file = runDir.resolve(MANIFEST);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          runDir + " has no " + MANIFEST + ": give a run folder of a run that ended");
    }
    JsonNode manifest = new ObjectMapper().readTree(file.toFile());
    List<Chart> charts =
        new ArrayList<>(growthAndChurn(runDir, manifest.path("study").path("analysis")));
    charts.add(cohorts(runDir));
    charts.addAll(bands(runDir));
    charts.add(curve(runDir));
    String title =
        "dunbar report: "
            + manifest.path("study").path("name").asText()
            + ", run "
            + manifest.path("run_id").asText();
    return new ReportData(
        title, facts(manifest), charts, List.of(layers(runDir), accounting(manifest)));
  }

  /** follower_growth, summed over accounts per period: follows gained by reason, and losses. */
  private static List<Chart> growthAndChurn(Path runDir, JsonNode analysis) throws IOException {
    List<String> columns =
        Stream.concat(REASONS.stream().map(r -> "gained_" + r), LOSSES.stream()).toList();
    Groups<Integer> sums =
        new Groups<>(
            row -> (Integer) row.get("period_start"),
            row -> LocalDate.ofEpochDay((Integer) row.get("period_start")).toString(),
            Comparator.<Integer>naturalOrder(),
            columns,
            List.of());
    sums.read(runDir, Table.FOLLOWER_GROWTH);
    String period = analysis.path("period").asText("period");
    Chart growth =
        chart(
            "growth",
            "Follower growth by reason, per " + period,
            "New followers of every account per "
                + period
                + ", by why they followed: conversation and follow-back are earned, engaged fans"
                + " came to the account, burst and unexplained come from outside what the dump"
                + " shows. Accounts known only from snapshots have no reasons and are not in it.",
            "follower_growth: gained_follow_back … gained_unexplained, summed per period_start",
            sums,
            List.of("follows gained"),
            REASONS.stream()
                .map(r -> new Series(r, "bar", "gained", 0, sums.sums("gained_" + r)))
                .toList());
    Chart churn =
        chart(
            "churn",
            "Churn, per " + period,
            "Unfollows per "
                + period
                + ": churn removes a follow younger than churn_days ("
                + analysis.path("churn_days").asText("?")
                + " days), other losses older follows and baseline edges;"
                + " the line counts the "
                + period
                + "'s new follows that were gone within churn_days.",
            "follower_growth: lost_churn, lost_other, gained_churned, summed per period_start",
            sums,
            List.of("follows"),
            List.of(
                new Series("lost_churn", "bar", "lost", 0, sums.sums("lost_churn")),
                new Series("lost_other", "bar", "lost", 0, sums.sums("lost_other")),
                new Series("gained_churned", "line", null, 0, sums.sums("gained_churned"))));
    return List.of(growth, churn);
  }

  /**
   * acquisition_cohorts per reason: what share of the follows won stayed, engaged and conversed.
   */
  private static Chart cohorts(Path runDir) throws IOException {
    Groups<String> sums =
        new Groups<>(
            row -> row.get("reason").toString(),
            row -> row.get("reason").toString(),
            Comparator.comparing(FollowReason::of),
            COHORT_COUNTS,
            List.of());
    sums.read(runDir, Table.ACQUISITION_COHORTS);
    return chart(
        "cohorts",
        "Acquisition cohorts: retention and engagement by reason",
        "Of the follows won for each reason, the share that churned, that still stood 30 and 90"
            + " days later, and whose follower interacted or conversed with the account within 90"
            + " days: do followers won through conversation stay and talk more than those from"
            + " bursts?",
        "acquisition_cohorts: churned / follows, retained_30d / eligible_30d, retained_90d,"
            + " engaged_90d and conversed_90d / eligible_90d, summed per reason",
        sums,
        List.of("share of follows", "follows"),
        List.of(
            new Series("churned", "bar", null, 0, sums.ratios("churned", "follows")),
            new Series(
                "retained 30 d", "bar", null, 0, sums.ratios("retained_30d", "eligible_30d")),
            new Series(
                "retained 90 d", "bar", null, 0, sums.ratios("retained_90d", "eligible_90d")),
            new Series("engaged 90 d", "bar", null, 0, sums.ratios("engaged_90d", "eligible_90d")),
            new Series(
                "conversed 90 d", "bar", null, 0, sums.ratios("conversed_90d", "eligible_90d")),
            new Series("follows", "line", null, 1, sums.sums("follows"))));
  }

  /** engagement_by_cohort per band: pooled engagement rates, and medians over periods. */
  private static List<Chart> bands(Path runDir) throws IOException {
    Groups<Integer> bands =
        new Groups<>(
            row -> (Integer) row.get("band_order"),
            row -> row.get("audience_band").toString(),
            Comparator.<Integer>naturalOrder(),
            BAND_SUMS,
            BAND_MEDIANS);
    bands.read(runDir, Table.ENGAGEMENT_BY_COHORT);
    Chart engagement =
        chart(
            "engagement",
            "Engagement and reply-back by audience band",
            "Engagers per follower (all engagers, and those that were followers) pooled over"
                + " periods, and the median reply-back rate: does conversation survive audience"
                + " growth (\"social doesn't scale\", Dunbar's ~150)?",
            "engagement_by_cohort: engagers_sum and engaged_followers_sum / followers_start_sum,"
                + " median of reply_back_rate_p50, per audience_band",
            bands,
            List.of("per follower", "reply-back rate"),
            List.of(
                new Series(
                    "engager rate",
                    "bar",
                    null,
                    0,
                    bands.ratios("engagers_sum", "followers_start_sum")),
                new Series(
                    "engagement rate",
                    "bar",
                    null,
                    0,
                    bands.ratios("engaged_followers_sum", "followers_start_sum")),
                new Series(
                    "reply-back rate", "line", null, 1, bands.medians("reply_back_rate_p50"))));
    Chart broadcast =
        chart(
            "broadcast",
            "Broadcast share by audience band",
            "How much of what accounts send is posts to everyone rather than replies, mentions,"
                + " quotes and messages to someone, and how many conversation partners they have:"
                + " bigger audiences tend to broadcast.",
            "engagement_by_cohort: medians of broadcast_share_p50 and conversation_partners_mean,"
                + " per audience_band",
            bands,
            List.of("broadcast share", "partners"),
            List.of(
                new Series("broadcast share", "bar", null, 0, bands.medians("broadcast_share_p50")),
                new Series(
                    "conversation partners",
                    "line",
                    null,
                    1,
                    bands.medians("conversation_partners_mean"))));
    return List.of(engagement, broadcast);
  }

  /** dunbar_curve as it is: a row per bucket of reciprocal partners (at most 64 rows). */
  private static Chart curve(Path runDir) throws IOException {
    // One row per bucket: the "median" of its one value is the value itself.
    Groups<Long> buckets =
        new Groups<>(
            row -> (Long) row.get("k_min"),
            row ->
                row.get("k_min").equals(row.get("k_max"))
                    ? row.get("k_min").toString()
                    : row.get("k_min") + "–" + row.get("k_max"),
            Comparator.<Long>naturalOrder(),
            List.of("accounts"),
            List.of("mean_w", "median_w"));
    buckets.read(runDir, Table.DUNBAR_CURVE);
    return chart(
        "curve",
        "The Dunbar curve",
        "Interactions sent per reciprocal partner against the number of partners k: if attention is"
            + " finite, strength per tie falls as ties grow past a few dozen (Gonçalves, Perra &"
            + " Vespignani 2011).",
        "dunbar_curve: mean_w, median_w and accounts per bucket of k",
        buckets,
        List.of("interactions per partner", "accounts"),
        List.of(
            new Series("mean w", "line", null, 0, buckets.medians("mean_w")),
            new Series("median w", "line", null, 0, buckets.medians("median_w")),
            new Series("accounts", "bar", null, 1, buckets.sums("accounts"))));
  }

  /** A chart of one table's groups: their labels along x, the table's rows and suppressed rows. */
  private static Chart chart(
      String id,
      String title,
      String reading,
      String source,
      Groups<?> groups,
      List<String> axes,
      List<Series> series) {
    return new Chart(
        id,
        title,
        reading,
        source,
        groups.rows(),
        groups.suppressedRows(),
        groups.labels(),
        axes,
        series);
  }

  /** network_layers, in the order of its documentation: the seven layers, then directed and any. */
  private static TableView layers(Path runDir) throws IOException {
    List<String> columns =
        List.of(
            "layer",
            "nodes",
            "edges",
            "events",
            "self_loops",
            "reciprocal_edges",
            "edge_reciprocity",
            "pair_reciprocity",
            "first_at",
            "last_at");
    Map<Integer, List<String>> ordered = new TreeMap<>();
    List<String> order = List.copyOf(InteractionGraph.LAYERS.keySet());
    TableRows.forEach(
        runDir,
        Table.NETWORK_LAYERS,
        row ->
            ordered.put(
                order.indexOf(row.get("layer").toString()),
                columns.stream().map(c -> cell(row.get(c), c.endsWith("_at"))).toList()));
    return new TableView(
        "layers",
        "Network layers",
        "Each interaction layer as a network: accounts, ties and events, and how often ties are"
            + " returned (edge reciprocity as NetworkX computes it, pair reciprocity as Kwak et al."
            + " 2010).",
        "network_layers",
        columns,
        List.copyOf(ordered.values()));
  }

  /** A table cell: counts grouped by thousands, shares to 3 decimals, instants to the second. */
  private static String cell(Object value, boolean instant) {
    if (value == null) {
      return "–";
    }
    if (instant) {
      return Instant.EPOCH
          .plus((Long) value, ChronoUnit.MICROS)
          .truncatedTo(ChronoUnit.SECONDS)
          .toString();
    }
    if (value instanceof Double d) {
      return String.format(Locale.ROOT, "%.3f", d);
    }
    return value instanceof Long n ? count(n) : value.toString();
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** The manifest's accounting: one row per input kind, its other counts as details. */
  private static TableView accounting(JsonNode manifest) {
    List<String> columns = new ArrayList<>(List.of("kind"));
    columns.addAll(ACCOUNTING_COLUMNS);
    columns.add("details");
    List<List<String>> cells = new ArrayList<>();
    manifest
        .path("accounting")
        .fields()
        .forEachRemaining(
            kind -> {
              List<String> row = new ArrayList<>(List.of(kind.getKey()));
              ACCOUNTING_COLUMNS.forEach(
                  c ->
                      row.add(
                          kind.getValue().has(c) ? count(kind.getValue().get(c).asLong()) : "–"));
              List<String> details = new ArrayList<>();
              kind.getValue()
                  .fields()
                  .forEachRemaining(
                      field -> {
                        JsonNode value = field.getValue();
                        if (ACCOUNTING_COLUMNS.contains(field.getKey())) {
                          return;
                        }
                        if (value.isNumber()) {
                          details.add(field.getKey() + " " + count(value.asLong()));
                        } else if (!value
                            .isEmpty()) { // a count map such as rejected_by_reason; an empty one
                          // says nothing
                          details.add(field.getKey() + " " + details(value));
                        }
                      });
              row.add(String.join(" · ", details));
              cells.add(row);
            });
    return new TableView(
        "accounting",
        "Accounting",
        "Every input record of each kind is accepted, rejected or skipped (read = accepted +"
            + " rejected + skipped), and the tables are computed from the unique events; details"
            + " name duplicates, unresolved targets and rejections by reason.",
        "_manifest.json: accounting",
        columns,
        cells);
  }

  /** A nested count map as "key n, key n". */
  private static String details(JsonNode counts) {
    List<String> parts = new ArrayList<>();
    counts
        .fields()
        .forEachRemaining(e -> parts.add(e.getKey() + " " + count(e.getValue().asLong())));
    return String.join(", ", parts);
  }

  /** The run's facts from its manifest, as label and value. */
  private static List<List<String>> facts(JsonNode manifest) {
    JsonNode study = manifest.path("study");
    List<List<String>> facts = new ArrayList<>();
    facts.add(List.of("study", study.path("name").asText()));
    facts.add(
        List.of(
            "run",
            manifest.path("run_id").asText() + " (" + manifest.path("status").asText() + ")"));
    Instant started = Instant.parse(manifest.path("started_at").asText());
    Instant ended = Instant.parse(manifest.path("ended_at").asText());
    facts.add(
        List.of(
            "ran",
            started.truncatedTo(ChronoUnit.SECONDS)
                + " for "
                + Duration.between(started, ended).toSeconds()
                + " s on "
                + manifest.path("runner").asText()
                + ", parallelism "
                + manifest.path("parallelism").asText()));
    facts.add(List.of("build", manifest.path("version").asText()));
    long bytes = 0;
    for (JsonNode input : manifest.path("inputs")) {
      bytes += input.path("bytes").asLong();
    }
    facts.add(
        List.of(
            "inputs",
            count(manifest.path("inputs").size()) + " files, " + count(bytes) + " bytes"));
    List<String> parameters = new ArrayList<>();
    study
        .path("analysis")
        .fields()
        .forEachRemaining(e -> parameters.add(e.getKey() + " " + e.getValue()));
    facts.add(List.of("analysis", String.join(", ", parameters)));
    facts.add(
        List.of(
            "privacy",
            (study.path("pseudonymize").isNull() || study.path("pseudonymize").isMissingNode()
                    ? "account ids as in the input"
                    : "keyed pseudonyms")
                + ", min_cell "
                + (study.path("min_cell").isNumber() ? study.path("min_cell").asText() : "off")));
    facts.add(List.of("rows", details(manifest.path("rows"))));
    if (!manifest.path("problems").isEmpty()) {
      List<String> problems = new ArrayList<>();
      manifest.path("problems").forEach(p -> problems.add(p.asText()));
      facts.add(List.of("problems", String.join("; ", problems)));
    }
    return facts;
  }
}
