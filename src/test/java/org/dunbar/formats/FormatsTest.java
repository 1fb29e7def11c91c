package org.dunbar.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormatsTest {
  private static final TimeBounds BOUNDS = new TimeBounds(0, null);

  @Test
  void namesTheEventFormats() {
    assertEquals(
        List.of(
            "canonical",
            "snap-activity",
            "snap-messages",
            "twitter-v1",
            "twitter-v2",
            "bluesky-jetstream",
            "reddit"),
        Formats.eventFormatNames());
    assertInstanceOf(CanonicalEvents.class, Formats.events("canonical", BOUNDS));
    assertInstanceOf(SnapActivity.class, Formats.events("snap-activity", BOUNDS));
    assertInstanceOf(SnapMessages.class, Formats.events("snap-messages", BOUNDS));
    assertInstanceOf(SnapshotCsv.class, Formats.snapshots(BOUNDS));
    assertInstanceOf(EdgeList.class, Formats.baseline());
  }

  @Test
  void refusesAnUnknownNameListingTheKnownOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Formats.events("Canonical", BOUNDS));
    assertEquals(
        "unknown events format 'Canonical'; known formats: canonical, snap-activity, snap-messages,"
            + " twitter-v1, twitter-v2, bluesky-jetstream, reddit",
        e.getMessage());
  }

  @Test
  void formatsStillWorkAfterSerialization() throws Exception {
    // Beam ships formats to workers serialized; the CSV header cache must come back usable.
    TimeBounds bounds = new TimeBounds(0, null);
    LineFormat csvEvents =
        roundTrip(warm(Formats.events("canonical", bounds), "type,actor,target,ts"));
    assertEquals(
        "a", parse(csvEvents, "type,actor,target,ts", "follow,a,b,1").onlyEvent().getActor());
    LineFormat snapshots = roundTrip(warm(Formats.snapshots(bounds), "account,ts,followers"));
    assertEquals(
        3L, parse(snapshots, "account,ts,followers", "a,1,3").onlySnapshot().getFollowers());
    assertEquals("b", parse(roundTrip(Formats.baseline()), null, "a b").onlyEdge().getFollowee());
    assertEquals(
        "b",
        parse(roundTrip(Formats.events("snap-messages", bounds)), null, "a b 1")
            .onlyEvent()
            .getTarget());
  }

  private static LineFormat warm(LineFormat format, String header) {
    parse(format, header, "x");
    return format;
  }

  private static RecordingSink parse(LineFormat format, String header, String line) {
    RecordingSink sink = new RecordingSink();
    format.parse("f.csv", 2, line, header, sink);
    return sink;
  }

  private static LineFormat roundTrip(LineFormat format)
      throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(format);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (LineFormat) in.readObject();
    }
  }
}
