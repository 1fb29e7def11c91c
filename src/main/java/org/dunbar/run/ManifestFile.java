package org.dunbar.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code _manifest.json}, written whole or not at all: a folder without one is a run that never
 * ended.
 */
final class ManifestFile {
  static final String NAME = "_manifest.json";

  private ManifestFile() {}

  static void write(Path runDir, Map<String, Object> manifest) throws IOException {
    // The study as its file spells it: snake_case fields, lower-case period, ISO instants.
    ObjectMapper json =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
            .enable(SerializationFeature.INDENT_OUTPUT);
    Path tmp = runDir.resolve(NAME + ".tmp");
    json.writeValue(tmp.toFile(), manifest);
    Files.move(tmp, runDir.resolve(NAME), StandardCopyOption.ATOMIC_MOVE);
  }

  /** The fields every manifest starts with, published or failed. */
  static Map<String, Object> head(
      String runId, String status, List<String> problems, Instant started, Study study) {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("run_id", runId);
    manifest.put("status", status);
    manifest.put("problems", problems);
    manifest.put("started_at", started.toString());
    manifest.put("ended_at", Instant.now().toString());
    manifest.put("version", Version.commit());
    manifest.put("study", study);
    return manifest;
  }

  static boolean exists(Path runDir) {
    return Files.exists(runDir.resolve(NAME));
  }
}
