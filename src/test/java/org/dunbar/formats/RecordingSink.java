package org.dunbar.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.dunbar.records.BaselineEdge;
import org.dunbar.records.Event;
import org.dunbar.records.Snapshot;

/** Records every call, in order, so tests can assert that one line ended exactly one way. */
final class RecordingSink implements RecordSink {
  record Rejection(String reason, String detail, String raw) {}

  final List<String> calls = new ArrayList<>();
  final List<Event> events = new ArrayList<>();
  final List<Snapshot> snapshots = new ArrayList<>();
  final List<BaselineEdge> edges = new ArrayList<>();
  final List<Rejection> rejections = new ArrayList<>();
  final List<String> skipped = new ArrayList<>();
  final List<NameSighting> names = new ArrayList<>();

  @Override
  public void event(Event event) {
    calls.add("event");
    events.add(event);
  }

  @Override
  public void accountName(NameSighting sighting) {
    calls.add("name");
    names.add(sighting);
  }

  @Override
  public void snapshot(Snapshot snapshot) {
    calls.add("snapshot");
    snapshots.add(snapshot);
  }

  @Override
  public void edge(BaselineEdge edge) {
    calls.add("edge");
    edges.add(edge);
  }

  @Override
  public void snapshotWithoutMoment() {
    calls.add("snapshotWithoutMoment");
  }

  @Override
  public void accepted() {
    calls.add("accepted");
  }

  @Override
  public void rejected(String reason, String detail, String raw) {
    calls.add("rejected");
    rejections.add(new Rejection(reason, detail, raw));
  }

  @Override
  public void skipped(String kind) {
    calls.add("skipped");
    skipped.add(RecordSink.checkSkipKind(kind));
  }

  Rejection onlyRejection() {
    assertEquals(List.of("rejected"), calls);
    return rejections.get(0);
  }

  Event onlyEvent() {
    assertEquals(List.of("event", "accepted"), calls);
    return events.get(0);
  }

  Snapshot onlySnapshot() {
    assertEquals(List.of("snapshot", "accepted"), calls);
    return snapshots.get(0);
  }

  BaselineEdge onlyEdge() {
    assertEquals(List.of("edge", "accepted"), calls);
    return edges.get(0);
  }
}
