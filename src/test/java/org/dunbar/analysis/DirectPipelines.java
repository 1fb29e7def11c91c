package org.dunbar.analysis;

import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Pipelines for transform tests with PAssert. TestPipeline's JUnit 4 rule does not run under JUnit
 * 5, so tests build the pipeline here and call {@link #run}: PAssert failures surface from it.
 */
final class DirectPipelines {
  private DirectPipelines() {}

  static Pipeline create() {
    DirectOptions options = PipelineOptionsFactory.as(DirectOptions.class);
    options.setRunner(DirectRunner.class);
    // The machine is shared; two threads still exercise bundles processed apart.
    options.setTargetParallelism(2);
    return Pipeline.create(options);
  }

  static void run(Pipeline p) {
    p.run().waitUntilFinish();
  }
}
