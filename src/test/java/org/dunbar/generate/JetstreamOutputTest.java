package org.dunbar.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dunbar.formats.OutcomeSink;
import org.dunbar.formats.TimeBounds;
import org.dunbar.formats.bluesky.BlueskyJetstreamFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One simulation written as canonical lines and as Jetstream events: the Jetstream adapter reads
 * back the same follows, unfollows, likes and reshares, and resolves unfollows from the follow
 * records the capture holds.
 */
class JetstreamOutputTest {
  private static final GeneratorSettings SETTINGS = new GeneratorSettings(400, 40, 77);
  private static final BlueskyJetstreamFormat READER =
      new BlueskyJetstreamFormat(new TimeBounds(0, null), BlueskyJetstreamFormat.DEFAULT_EVENT_TIME);

  @TempDir static Path canonicalDir;
  @TempDir static Path jetstreamDir;
  static List<Ev> canonical;
  static List<String[]> jetstream = new ArrayList<>();
  static List<String> rejected = new ArrayList<>();

  @BeforeAll
  static void generateBoth() throws IOException {
    SampleGenerator.generate(SETTINGS, canonicalDir, OutputFormat.CANONICAL);
    SampleGenerator.generate(SETTINGS, jetstreamDir, OutputFormat.BLUESKY_JETSTREAM);
    canonical = DumpReader.events(canonicalDir);
    for (DumpReader.Line line : DumpReader.eventLines(jetstreamDir)) {
      for (String outcome : OutcomeSink.parse(READER, line.text())) {
        if (outcome.startsWith("rejected")) {
          rejected.add(outcome);
        } else if (!outcome.equals("accepted")) {
          // "type actor>target post=… parent=… ts=… id=…"
          jetstream.add(outcome.replace("did:plc:", "").split("[ >]"));
        }
      }
    }
  }

  @Test
  void everyLineButThePlantedCutOneIsAnAcceptedEvent() {
    assertEquals(1, rejected.size(), rejected.toString());
    assertTrue(rejected.get(0).startsWith("rejected unparsable"), rejected.get(0));
  }

  @Test
  void followsLikesAndResharesAreTheSimulatedOnes() {
    for (String type : List.of("follow", "like", "reshare")) {
      assertEquals(canonical(type), jetstream(type), type);
    }
  }

  @Test
  void unfollowsNameTheFollowRecordTheyDelete() {
    Map<String, String> subjects = new HashMap<>();
    for (String[] e : jetstream) {
      if (e[0].equals("follow")) {
        subjects.put(e[3].substring("post=".length()), e[2]);
      }
    }
    Set<String> resolved = new HashSet<>();
    int unresolved = 0;
    for (String[] e : jetstream) {
      if (e[0].equals("unfollow")) {
        String subject = subjects.get(e[4].substring("parent=".length()));
        if (subject == null) {
          unresolved++;
        } else {
          resolved.add(e[1] + ">" + subject + "@" + seconds(e[5]));
        }
      }
    }
    Set<String> simulated = canonical("unfollow");
    assertTrue(simulated.containsAll(resolved));
    // The rest removed baseline edges, whose follow records predate the capture.
    assertEquals(simulated.size(), resolved.size() + unresolved);
    assertTrue(resolved.size() > simulated.size() / 2, resolved.size() + " of " + simulated.size());
  }

  private static Set<String> canonical(String type) {
    Set<String> out = new HashSet<>();
    for (Ev e : canonical) {
      if (e.type().equals(type)) {
        out.add(e.actor() + ">" + e.target() + "@" + Math.floorDiv(e.micros(), 1_000_000));
      }
    }
    return out;
  }

  private static Set<String> jetstream(String type) {
    Set<String> out = new HashSet<>();
    for (String[] e : jetstream) {
      if (e[0].equals(type)) {
        out.add(e[1] + ">" + e[2] + "@" + seconds(e[5]));
      }
    }
    return out;
  }

  private static long seconds(String tsField) {
    return Math.floorDiv(Long.parseLong(tsField.substring("ts=".length())), 1_000_000);
  }
}
