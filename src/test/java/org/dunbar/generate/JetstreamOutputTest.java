package org.dunbar.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  @TempDir static Path canonicalDir;
  @TempDir static Path jetstreamDir;
  static List<Ev> canonical;
  static List<Ev> jetstream;
  static List<String> rejected;

  @BeforeAll
  static void generateBoth() throws IOException {
    SampleGenerator.generate(SETTINGS, canonicalDir, OutputFormat.CANONICAL);
    SampleGenerator.generate(SETTINGS, jetstreamDir, OutputFormat.BLUESKY_JETSTREAM);
    canonical = DumpReader.events(canonicalDir).events();
    DumpReader.Read read = DumpReader.events(jetstreamDir, "bluesky-jetstream");
    jetstream =
        read.events().stream()
            .map(
                e ->
                    new Ev(
                        e.eventId(),
                        e.type(),
                        e.actor().replace("did:plc:", ""),
                        e.target().replace("did:plc:", ""),
                        e.postId(),
                        e.parentId(),
                        e.micros(),
                        e.file()))
            .toList();
    rejected = read.rejections();
  }

  /**
   * The snapshots and baseline name the accounts as the events do, by DID, so that a study given
   * all three files joins them; otherwise they are the canonical dump's.
   */
  @Test
  void snapshotsAndBaselineNameAccountsByTheirDids() throws IOException {
    List<String> baseline = Files.readAllLines(jetstreamDir.resolve("baseline/edges.txt"));
    List<String> snapshots = Files.readAllLines(jetstreamDir.resolve("snapshots/snapshots.csv"));
    assertEquals(
        Files.readAllLines(canonicalDir.resolve("baseline/edges.txt")).stream()
            .map(line -> line.replaceAll("(u\\d+)", "did:plc:$1"))
            .toList(),
        baseline);
    assertEquals(
        Files.readAllLines(canonicalDir.resolve("snapshots/snapshots.csv")).stream()
            .map(line -> line.replaceAll("^(u\\d+),", "did:plc:$1,"))
            .toList(),
        snapshots);
    Set<String> eventAccounts = new HashSet<>();
    DumpReader.events(jetstreamDir, "bluesky-jetstream")
        .events()
        .forEach(e -> eventAccounts.add(e.actor()));
    assertTrue(
        baseline.stream().map(edge -> edge.split(" ")[0]).anyMatch(eventAccounts::contains),
        "no follower of the baseline acts in an event");
  }

  @Test
  void everyLineButThePlantedCutOneIsAnAcceptedEvent() {
    assertEquals(1, rejected.size(), rejected.toString());
    assertEquals("unparsable", rejected.get(0));
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
    for (Ev e : jetstream) {
      if (e.type().equals("follow")) {
        subjects.put(e.postId(), e.target());
      }
    }
    Set<String> resolved = new HashSet<>();
    int unresolved = 0;
    for (Ev e : jetstream) {
      if (e.type().equals("unfollow")) {
        String subject = subjects.get(e.parentId());
        if (subject == null) {
          unresolved++;
        } else {
          resolved.add(e.actor() + ">" + subject + "@" + Math.floorDiv(e.micros(), 1_000_000));
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
    return ofType(canonical, type);
  }

  private static Set<String> jetstream(String type) {
    return ofType(jetstream, type);
  }

  /** "actor>target@second" of each event of the type. */
  private static Set<String> ofType(List<Ev> events, String type) {
    Set<String> out = new HashSet<>();
    for (Ev e : events) {
      if (e.type().equals(type)) {
        out.add(e.actor() + ">" + e.target() + "@" + Math.floorDiv(e.micros(), 1_000_000));
      }
    }
    return out;
  }
}
