package org.dunbar.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A small dump whose every table row was worked out by hand (see {@link HandMadeStudyTest}): a
 * conversation that turns into mutual follows, a fan who likes then follows and churns, identical
 * messages in one second, copies across files, a conflicting id, a self-loop, one record for every
 * rejection reason, snapshots and a baseline graph. Weeks start Monday 2024-01-01 and 01-08.
 */
final class HandMadeDump {
  /**
   * The event inputs' max_line_bytes: every line but the too-long one has at most 100 bytes, and a
   * line just past it (4,101 bytes) is still cut at 4,096 in the rejected table.
   */
  static final int MAX_LINE_BYTES = 4_100;

  /**
   * Rejections are on purpose, one per reason. Records: 14 of 39 rejected (35.9 %). Bytes of the
   * records read: events.jsonl 1,052 accepted + 431 rejected + the 4,101-byte line, the CSV rows
   * 152, snapshots 162 (41 rejected), baseline 41 (20 rejected): 4,593 of 5,939 rejected (77.3 %).
   */
  static final String MAX_REJECTED_FRACTION = "0.8";

  static final List<String> EVENTS =
      List.of(
          "{\"type\":\"reply\",\"actor\":\"ann\",\"target\":\"bob\",\"ts\":\"2024-01-02T10:00:00Z\"}",
          "{\"type\":\"reply\",\"actor\":\"bob\",\"target\":\"ann\",\"ts\":\"2024-01-02T11:00:00Z\"}",
          "{\"type\":\"follow\",\"actor\":\"ann\",\"target\":\"bob\",\"ts\":\"2024-01-03T00:00:00Z\"}",
          "{\"type\":\"follow\",\"actor\":\"bob\",\"target\":\"ann\",\"ts\":\"2024-01-03T01:00:00Z\"}",
          "{\"type\":\"post\",\"actor\":\"bob\",\"post_id\":\"p1\",\"ts\":\"2024-01-04T00:00:00Z\"}",
          "{\"type\":\"like\",\"actor\":\"cat\",\"target\":\"bob\",\"parent_id\":\"p1\",\"ts\":1704330000}",
          "{\"type\":\"Follow\",\"actor\":\"cat\",\"target\":\"bob\",\"ts\":\"2024-01-05T00:00:00+01:00\"}",
          "{\"type\":\"unfollow\",\"actor\":\"cat\",\"target\":\"bob\",\"ts\":1704499200000}",
          "{\"type\":\"message\",\"actor\":\"cat\",\"target\":\"dan\",\"ts\":\"2024-01-06T12:00:00Z\"}",
          "{\"type\":\"message\",\"actor\":\"cat\",\"target\":\"dan\",\"ts\":\"2024-01-06T12:00:00Z\"}",
          "{\"type\":\"mention\",\"actor\":\"dan\",\"target\":\"cat\",\"ts\":\"2024-01-07T00:00:00Z\"}",
          "{\"event_id\":\"x1\",\"type\":\"quote\",\"actor\":\"eve\",\"target\":\"ann\",\"ts\":\"2024-01-08T00:00:00Z\"}",
          "{\"type\":\"reshare\",\"actor\":\"eve\",\"target\":\"eve\",\"ts\":\"2024-01-08T01:00:00Z\"}",
          "{\"type\":\"follow\",\"actor\":\"dan\",\"target\":\"ann\",\"ts\":\"2024-01-09T00:00:00Z\"}",
          "not json",
          "{\"actor\":\"a\",\"target\":\"b\",\"ts\":1704067200}",
          "{\"type\":\"poke\",\"actor\":\"a\",\"target\":\"b\",\"ts\":1704067200}",
          "{\"type\":\"reply\",\"target\":\"b\",\"ts\":1704067200}",
          "{\"type\":\"reply\",\"actor\":\"a\",\"ts\":1704067200}",
          "{\"type\":\"reply\",\"actor\":\"a\",\"target\":\"b\"}",
          "{\"type\":\"reply\",\"actor\":\"a\",\"target\":\"b\",\"ts\":\"2024-01-02T10:00:00\"}",
          "{\"type\":\"follow\",\"actor\":\"a\",\"target\":\"a\",\"ts\":1704067200}",
          "{\"type\":\"reply\",\"actor\":\"a\",\"target\":\"b\",\"ts\":\"1999-12-31T23:59:59Z\"}",
          "",
          // 51 bytes before the text and 2 after: one byte over MAX_LINE_BYTES.
          "{\"type\":\"post\",\"actor\":\"a\",\"ts\":1704067200,\"text\":\""
              + "x".repeat(HandMadeDump.MAX_LINE_BYTES + 1 - 53)
              + "\"}");
  static final String EVENTS_CSV_HEADER = "event_id,type,actor,target,post_id,parent_id,ts";
  static final List<String> EVENTS_CSV =
      List.of(
          ",reply,ann,bob,,,2024-01-02T10:00:00Z",
          ",message,cat,dan,,,2024-01-06T12:00:00Z",
          ",reply,fay,ann,,,2024-01-10T00:00:00Z",
          "x1,quote,eve,bob,,,2024-01-08T00:00:00Z");
  static final String SNAPSHOTS =
      """
      account,ts,followers,following,posts
      gus,2024-01-01T00:00:00Z,100,10,5
      gus,2024-01-10T00:00:00Z,130,,
      gus,2024-01-10T00:00:00Z,120,,
      bob,2024-01-09T00:00:00Z,5,,
      gus,soon,1,,
      gus,2024-01-11T00:00:00Z,-1,,
      """;
  static final String BASELINE =
      """
      # follower followee
      hal ann
      hal ann
      ann hal
      ivy ivy
      bad line here
      """;

  private HandMadeDump() {}

  /** Writes the dump; with a seed, the event files' records are shuffled (headers stay first). */
  static Path write(Path dir, Long shuffleSeed) throws IOException {
    Files.createDirectories(dir);
    Files.write(
        dir.resolve("events.jsonl"), maybeShuffle(EVENTS, shuffleSeed), StandardCharsets.UTF_8);
    List<String> csv = new ArrayList<>(List.of(EVENTS_CSV_HEADER));
    csv.addAll(maybeShuffle(EVENTS_CSV, shuffleSeed));
    Files.write(dir.resolve("events2.csv"), csv, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("snapshots.csv"), SNAPSHOTS, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("baseline.txt"), BASELINE, StandardCharsets.UTF_8);
    return dir;
  }

  private static List<String> maybeShuffle(List<String> lines, Long seed) {
    List<String> out = new ArrayList<>(lines);
    if (seed != null) {
      Collections.shuffle(out, new Random(seed));
    }
    return out;
  }

  /** The run command for this dump, plus extra flags. */
  static String[] args(Path dump, Path output, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--name=hand",
                "--output=" + output,
                "--events=" + dump.resolve("events.*") + "," + dump.resolve("events2.csv"),
                "--snapshots=" + dump.resolve("snapshots.csv"),
                "--baseline=" + dump.resolve("baseline.txt"),
                "--max-line-bytes=" + MAX_LINE_BYTES,
                "--max-rejected-fraction=" + MAX_REJECTED_FRACTION));
    args.addAll(List.of(extra));
    return args.toArray(new String[0]);
  }
}
