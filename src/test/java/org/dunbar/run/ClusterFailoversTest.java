package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dunbar.run.ClusterFailovers.Failover;
import org.dunbar.run.ClusterFailovers.History;
import org.junit.jupiter.api.Test;

/**
 * The manifest's cluster failovers from a Flink 1.19 {@code /jobs/JOB_ID/exceptions} answer, cut
 * down from one recorded when .ci/failover-check killed a TaskManager (issue 13).
 */
class ClusterFailoversTest {
  /** Newest first, as Flink lists them; the second came with two concurrent failures. */
  private static final String ANSWER =
      """
      {"root-exception": null, "all-exceptions": [], "truncated": false,
       "exceptionHistory": {"truncated": false, "entries": [
        {"exceptionName": "PartitionConnectionException",
         "stacktrace": "PartitionConnectionException: partition p1 not reachable.\\n\\tat Input",
         "timestamp": 1796045545675,
         "taskName": "CHAIN FlatMap (Count snapshots) -> FlatMap (out) (1/2)",
         "taskManagerId": "taskmanager-4",
         "concurrentExceptions": [{"taskName": "a"}, {"taskName": "b"}]},
        {"exceptionName": "RecipientUnreachableException",
         "stacktrace": "RecipientUnreachableException: gone",
         "timestamp": 1796045529000, "taskName": "DataSource (Read inputs) (2/2)",
         "taskManagerId": "taskmanager-2", "concurrentExceptions": []}]}}
      """;

  @Test
  void entriesComeOldestFirstWithTheFirstOperatorAndLine() throws IOException {
    // 1796045529000 ms after the epoch = 2026-11-30T13:32:09Z; 1796045545675 = 16.675 s later.
    assertEquals(
        List.of(
            new Failover(
                "2026-11-30T13:32:09Z",
                "taskmanager-2",
                "DataSource (Read inputs) (2/2)",
                "RecipientUnreachableException: gone",
                0),
            new Failover(
                "2026-11-30T13:32:25.675Z",
                "taskmanager-4",
                "CHAIN FlatMap (Count snapshots)",
                "PartitionConnectionException: partition p1 not reachable.",
                2)),
        ClusterFailovers.parse(ANSWER));
  }

  @Test
  void aJobWithoutFailuresHasNoneAndNoLine() throws IOException {
    History history =
        new History(
            ClusterFailovers.parse(
                "{\"exceptionHistory\": {\"entries\": [], \"truncated\": false}}"),
            null);
    Map<String, Object> manifest = new LinkedHashMap<>();
    history.addTo(manifest);
    assertEquals(Map.of("cluster_failovers", List.of()), manifest);
    assertNull(history.summary());
  }

  @Test
  void theLineNamesTheCountAndTheFirstFailure() throws IOException {
    History history = new History(ClusterFailovers.parse(ANSWER), null);
    assertEquals(
        "the cluster restarted failed tasks 2 times, first at"
            + " 2026-11-30T13:32:09Z on taskmanager-2 (RecipientUnreachableException: gone);"
            + " see cluster_failovers in the manifest",
        history.summary());
  }

  @Test
  void aClusterThatDoesNotAnswerIsSaidSoInTheManifest() {
    // Port 9 (discard) on loopback: nothing of Flink listens there.
    History history = ClusterFailovers.of("localhost:9", "00000000000000000000000000000000");
    Map<String, Object> manifest = new LinkedHashMap<>();
    history.addTo(manifest);
    assertEquals(List.of("cluster_failovers_unreadable"), List.copyOf(manifest.keySet()));
    assertEquals(
        "the cluster's failover history cannot be read ("
            + history.unreadable()
            + "); the job finished, and the Flink JobManager's log tells its restarts",
        history.summary());
  }

  @Test
  void noJobIdIsSaidSo() {
    assertEquals(
        "Flink did not report the job's id", ClusterFailovers.of("localhost:9", null).unreadable());
  }
}
