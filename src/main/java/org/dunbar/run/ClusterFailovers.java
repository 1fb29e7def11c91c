package org.dunbar.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The failures a Flink session cluster recovered from while it ran a study's job, as the manifest
 * lists them ({@code cluster_failovers}): the job's exception history from the cluster's REST API
 * ({@code GET /jobs/JOB_ID/exceptions}). Each entry is one restart of a failed region of the job;
 * failures that came with it (the other tasks of a lost TaskManager) are counted in {@code
 * concurrent}. Flink keeps the most recent {@code web.exception-history-size} entries (16 by
 * default). A job that ran without a failure has none.
 */
final class ClusterFailovers {
  /**
   * One restart: when the failure was seen (ISO instant, UTC), on which TaskManager (its resource
   * id, null for a failure of the whole job), the failed task (its first operator), the first line
   * of the exception, and how many failures came with it.
   */
  record Failover(String at, String taskManager, String task, String exception, int concurrent) {}

  /** The failovers, oldest first, or why the cluster could not tell them. */
  record History(List<Failover> failovers, String unreadable) {
    /** Adds {@code cluster_failovers}, or {@code cluster_failovers_unreadable}, to a manifest. */
    void addTo(Map<String, Object> manifest) {
      if (unreadable == null) {
        manifest.put("cluster_failovers", failovers);
      } else {
        manifest.put("cluster_failovers_unreadable", unreadable);
      }
    }

    /** The line the run prints about them, if there were any or they could not be read. */
    String summary() {
      if (unreadable != null) {
        return "the cluster's failover history cannot be read ("
            + unreadable
            + "); the job finished, and the Flink JobManager's log tells its restarts";
      }
      if (failovers.isEmpty()) {
        return null;
      }
      Failover first = failovers.get(0);
      return String.format(
          "the cluster restarted failed tasks %d times, first at %s on %s"
              + " (%s); see cluster_failovers in the manifest",
          failovers.size(), first.at(), first.taskManager(), first.exception());
    }
  }

  private ClusterFailovers() {}

  /**
   * The history of job {@code jobId} on the cluster whose REST endpoint is {@code master} ({@code
   * host:port}, as {@code --flink-master} gives it); a job id of null, or an endpoint that does not
   * answer with the history, makes a history that says so.
   */
  static History of(String master, String jobId) {
    if (jobId == null) {
      return new History(List.of(), "Flink did not report the job's id");
    }
    String base = master.contains("://") ? master : "http://" + master;
    URI uri = URI.create(base + "/jobs/" + jobId + "/exceptions");
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return new History(List.of(), uri + " answered HTTP " + response.statusCode());
      }
      return new History(parse(response.body()), null);
    } catch (IOException e) {
      return new History(List.of(), uri + ": " + e);
    } catch (InterruptedException e) {
      // A signal stops the run right after: keep the interrupt for it.
      Thread.currentThread().interrupt();
      return new History(List.of(), "interrupted while asking " + uri);
    }
  }

  /**
   * The failovers of a {@code /jobs/JOB_ID/exceptions} answer (Flink 1.19's {@code
   * JobExceptionsInfoWithHistory}), oldest first.
   *
   * @throws IOException when the answer is not JSON
   */
  static List<Failover> parse(String json) throws IOException {
    List<JsonNode> entries = new ArrayList<>();
    new ObjectMapper()
        .readTree(json)
        .path("exceptionHistory")
        .path("entries")
        .forEach(entries::add);
    entries.sort(Comparator.comparingLong(entry -> entry.path("timestamp").asLong()));
    return entries.stream()
        .map(
            entry ->
                new Failover(
                    Instant.ofEpochMilli(entry.path("timestamp").asLong()).toString(),
                    entry.path("taskManagerId").asText(null),
                    firstOperator(entry.path("taskName").asText(null)),
                    entry.path("stacktrace").asText("").lines().findFirst().orElse(""),
                    entry.path("concurrentExceptions").size()))
        .toList();
  }

  /**
   * A chained task's name lists every operator of the chain, thousands of characters for Beam's
   * file writes; the first one names where the task starts.
   */
  private static String firstOperator(String taskName) {
    if (taskName == null) {
      return null;
    }
    int chained = taskName.indexOf(" -> ");
    return chained < 0 ? taskName : taskName.substring(0, chained);
  }
}
