package org.dunbar.formats;

import java.util.ArrayList;
import java.util.List;
import org.dunbar.records.BaselineEdge;
import org.dunbar.records.Event;
import org.dunbar.records.Snapshot;

/**
 * Writes what one record became as one line of text, so an adapter test can compare whole outcomes:
 * {@code accepted}, then one line per event ({@code type actor>target post=… parent=… ts=… id=…});
 * or {@code rejected reason: detail}; or {@code skipped kind}; then one line per account name the
 * record gave ({@code name account=name ts=…}). It also enforces the contract that a rejected or
 * skipped record emits no event, and a rejected one no name.
 */
public final class OutcomeSink implements RecordSink {
  private final List<String> pending = new ArrayList<>();
  private final List<String> pendingNames = new ArrayList<>();
  private final List<String> outcomes = new ArrayList<>();

  /** Parses one line with {@code format} and returns what it became. */
  public static List<String> parse(LineFormat format, String text) {
    OutcomeSink sink = new OutcomeSink();
    format.parse("test.jsonl", 1, text, null, sink);
    return sink.outcomes;
  }

  @Override
  public void event(Event e) {
    pending.add(
        e.getType()
            + " "
            + e.getActor()
            + ">"
            + e.getTarget()
            + " post="
            + e.getPostId()
            + " parent="
            + e.getParentId()
            + " ts="
            + e.getTs()
            + " id="
            + e.getEventId());
  }

  @Override
  public void accountName(NameSighting s) {
    pendingNames.add("name " + s.account() + "=" + s.name() + " ts=" + s.ts());
  }

  @Override
  public void snapshot(Snapshot snapshot) {
    throw new AssertionError("no snapshot expected: " + snapshot);
  }

  @Override
  public void edge(BaselineEdge edge) {
    throw new AssertionError("no baseline edge expected: " + edge);
  }

  @Override
  public void snapshotWithoutMoment() {
    throw new AssertionError("no user object expected");
  }

  @Override
  public void accepted() {
    outcomes.add("accepted");
    outcomes.addAll(pending);
    pending.clear();
    names();
  }

  @Override
  public void rejected(String reason, String detail, String raw) {
    if (!pendingNames.isEmpty()) {
      throw new AssertionError("rejected after names " + pendingNames);
    }
    close("rejected " + reason + ": " + detail);
  }

  @Override
  public void skipped(String kind) {
    close("skipped " + RecordSink.checkSkipKind(kind));
  }

  private void close(String outcome) {
    if (!pending.isEmpty()) {
      throw new AssertionError(outcome + " after events " + pending);
    }
    outcomes.add(outcome);
    names();
  }

  private void names() {
    outcomes.addAll(pendingNames);
    pendingNames.clear();
  }
}
