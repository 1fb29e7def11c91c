package org.dunbar.formats.twitter;

import java.util.ArrayList;
import java.util.List;
import org.dunbar.formats.NameSighting;
import org.dunbar.formats.RecordSink;
import org.dunbar.records.BaselineEdge;
import org.dunbar.records.Event;
import org.dunbar.records.Snapshot;

/**
 * Collects what a format emits, and enforces the accounting contract as it goes: a rejected or
 * skipped record emits nothing, and every item belongs to a record that is then accepted.
 */
final class CollectingSink implements RecordSink {
  record Rejected(String reason, String detail, String raw) {}

  final List<Event> events = new ArrayList<>();
  final List<Snapshot> snapshots = new ArrayList<>();
  final List<Rejected> rejected = new ArrayList<>();
  final List<String> skipped = new ArrayList<>();
  final List<NameSighting> names = new ArrayList<>();
  int accepted;
  int withoutMoment;
  private int open;

  @Override
  public void event(Event event) {
    events.add(event);
    open++;
  }

  /** The Twitter adapters name accounts only in accepted records: a name is an open item. */
  @Override
  public void accountName(NameSighting sighting) {
    names.add(sighting);
    open++;
  }

  @Override
  public void snapshot(Snapshot snapshot) {
    snapshots.add(snapshot);
    open++;
  }

  @Override
  public void edge(BaselineEdge edge) {
    throw new AssertionError("a tweet adapter emits no baseline edge: " + edge);
  }

  @Override
  public void snapshotWithoutMoment() {
    withoutMoment++;
    open++;
  }

  @Override
  public void accepted() {
    accepted++;
    open = 0;
  }

  @Override
  public void rejected(String reason, String detail, String raw) {
    if (open != 0) {
      throw new AssertionError("a record rejected as " + reason + " emitted " + open + " items");
    }
    rejected.add(new Rejected(reason, detail, raw));
  }

  @Override
  public void skipped(String kind) {
    if (open != 0) {
      throw new AssertionError("a record skipped as " + kind + " emitted " + open + " items");
    }
    skipped.add(RecordSink.checkSkipKind(kind));
  }

  /** Records closed so far; throws if items were emitted without a record closing them. */
  int records() {
    if (open != 0) {
      throw new AssertionError(open + " items emitted after the last record closed");
    }
    return accepted + rejected.size() + skipped.size();
  }

  List<Event> eventsOfTweet(String tweetId) {
    return events.stream().filter(e -> tweetId.equals(e.getPostId())).toList();
  }

  List<Snapshot> snapshotsOf(String account) {
    return snapshots.stream().filter(s -> account.equals(s.getAccount())).toList();
  }

  List<String> eventTypes() {
    return events.stream().map(Event::getType).toList();
  }
}
