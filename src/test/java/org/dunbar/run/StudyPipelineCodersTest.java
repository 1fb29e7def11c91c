package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.io.BoundedSource;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PValue;
import org.dunbar.records.InputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every PCollection of a study has an explicit, compact coder: Java serialization would be slow,
 * large, and not deterministic for grouping keys.
 */
class StudyPipelineCodersTest {
  @Test
  void noStageFallsBackToJavaSerialization() {
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    tree.putObject("inputs").putArray("events").addObject().put("path", "unused");
    assertEquals(List.of(), javaSerializedCollections(Study.fromTree(tree)));
  }

  @Test
  void norDoTheStepsThatPrepareARelease(@TempDir Path tmp) throws IOException {
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    tree.putObject("inputs").putArray("events").addObject().put("path", "unused");
    tree.putObject("pseudonymize")
        .put("key_file", PrivacyStudyTest.keyFile(tmp, "key", "secret").toString());
    tree.put("min_cell", 5);
    assertEquals(List.of(), javaSerializedCollections(Study.fromTree(tree)));
  }

  private static List<String> javaSerializedCollections(Study study) {
    PipelineOptions options = PipelineOptionsFactory.create();
    options.setRunner(DirectRunner.class);
    Pipeline p = Pipeline.create(options);
    // A twitter-v1 input dates its counts at creation, which adds the check of counts that fall
    // fast.
    StudyPipeline.build(
        p,
        study,
        List.of(new InputFile("unused", "events", "twitter-v1", null, null, null, null, null, 0L)),
        "unused");

    List<String> serializable = new ArrayList<>();
    int[] collections = {0};
    p.traverseTopologically(
        new Pipeline.PipelineVisitor.Defaults() {
          @Override
          public void visitValue(PValue value, TransformHierarchy.Node producer) {
            if (value instanceof PCollection<?> collection) {
              collections[0]++;
              if (usesJavaSerialization(collection.getCoder())) {
                serializable.add(collection.getName() + ": " + collection.getCoder());
              }
            }
          }
        });
    assertTrue(
        collections[0] > 100, "the whole study was built: " + collections[0] + " collections");
    return serializable;
  }

  /** Beam's Create expands into a read of a serialized BoundedSource: the source, not data. */
  private static boolean usesJavaSerialization(Coder<?> coder) {
    if (coder instanceof SerializableCoder<?> s
        && BoundedSource.class.isAssignableFrom(s.getRecordType())) {
      return false;
    }
    return coder instanceof SerializableCoder
        || coder.getCoderArguments().stream()
            .anyMatch(StudyPipelineCodersTest::usesJavaSerialization);
  }
}
