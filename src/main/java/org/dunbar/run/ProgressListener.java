package org.dunbar.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.beam.runners.core.metrics.MetricsContainerStepMap;
import org.apache.beam.sdk.metrics.MetricResults;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.JobListener;

/**
 * Hands the Flink job's client to {@link Progress} while the job runs. Beam's Flink runner blocks
 * in {@code run()} until a batch job ends and gives no result to poll meanwhile, but Flink tells
 * every {@link JobListener} named in its configuration ({@code execution.job-listeners}) when the
 * job is submitted, embedded or on a cluster; the client then serves the job's accumulators, which
 * hold Beam's metrics. Flink makes the instance itself, so the client is passed on through a static
 * field: one run at a time per JVM, as the CLI runs.
 */
public final class ProgressListener implements JobListener {
  /** The accumulator Beam's Flink runner keeps its metrics in. */
  private static final String BEAM_METRICS = "__metricscontainers";

  private static volatile JobClient current;

  /** The id of the job last submitted, kept after it ends for {@link ClusterFailovers}. */
  private static volatile String submitted;

  /** Forgets the previous run's job, before a new run starts. */
  static void reset() {
    current = null;
    submitted = null;
  }

  /** The id of the job Flink last submitted since {@link #reset}, or null. */
  static String jobId() {
    return submitted;
  }

  /**
   * The metrics of the running job, or null before Flink submitted it.
   *
   * @throws Exception when the job's accumulators cannot be had (the job just ended, say)
   */
  static MetricResults metrics() throws Exception {
    JobClient client = current;
    if (client == null) {
      return null;
    }
    Map<String, Object> accumulators = client.getAccumulators().get(10, TimeUnit.SECONDS);
    Object beam = accumulators.get(BEAM_METRICS);
    return beam == null
        ? null
        : MetricsContainerStepMap.asAttemptedOnlyMetricResults((MetricsContainerStepMap) beam);
  }

  /**
   * A Flink configuration folder that names this listener, for {@code --flinkConfDir}: the
   * configuration of {@code FLINK_CONF_DIR}, if set ({@code config.yaml}, or the legacy {@code
   * flink-conf.yaml}, whose flat {@code key: value} lines Flink reads when there is no {@code
   * config.yaml}), plus the listener.
   */
  static Path confDir() throws IOException {
    Path dir = Files.createTempDirectory("dunbar-flink-conf");
    dir.toFile().deleteOnExit();
    String given = System.getenv("FLINK_CONF_DIR");
    String name = "config.yaml";
    String config = "";
    if (given != null && Files.isRegularFile(Path.of(given, "config.yaml"))) {
      config = Files.readString(Path.of(given, "config.yaml"), StandardCharsets.UTF_8) + "\n";
    } else if (given != null && Files.isRegularFile(Path.of(given, "flink-conf.yaml"))) {
      name = "flink-conf.yaml";
      config = Files.readString(Path.of(given, "flink-conf.yaml"), StandardCharsets.UTF_8) + "\n";
    }
    // A top-level key with dots reads the same in both files, and so does one class name as a list
    // of one.
    config += "execution.job-listeners: " + ProgressListener.class.getName() + "\n";
    Path file = dir.resolve(name);
    Files.writeString(file, config, StandardCharsets.UTF_8);
    file.toFile().deleteOnExit();
    return dir;
  }

  @Override
  public void onJobSubmitted(JobClient client, Throwable failure) {
    current = client;
    if (client != null) {
      submitted = client.getJobID().toHexString();
    }
  }

  @Override
  public void onJobExecuted(JobExecutionResult result, Throwable failure) {
    current = null;
  }
}
