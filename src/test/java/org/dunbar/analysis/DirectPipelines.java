package org.dunbar.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * DirectRunner pipelines for PAssert. TestPipeline's rule is JUnit 4 only, so the tests build the
 * pipeline themselves; a PAssert failure surfaces as the exception of {@link #run}.
 */
public final class DirectPipelines {
  private DirectPipelines() {}

  public static Pipeline create() {
    PipelineOptions options = PipelineOptionsFactory.create();
    options.setRunner(DirectRunner.class);
    return Pipeline.create(options);
  }

  public static void run(Pipeline p) {
    assertEquals(PipelineResult.State.DONE, p.run().waitUntilFinish());
  }
}
