package org.dunbar.analysis;

import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Pipelines for transform tests. TestPipeline's JUnit 4 rule does not run under JUnit 5, so a
 * test builds a plain DirectRunner pipeline, adds its PAsserts, and calls {@link #run}: a failed
 * PAssert fails the run, and so the test.
 */
final class DirectPipelines {
  private DirectPipelines() {}

  static Pipeline create() {
    PipelineOptions options = PipelineOptionsFactory.create();
    options.setRunner(DirectRunner.class);
    return Pipeline.create(options);
  }

  static void run(Pipeline p) {
    p.run().waitUntilFinish();
  }
}
