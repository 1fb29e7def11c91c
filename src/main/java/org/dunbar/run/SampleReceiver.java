package org.dunbar.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.dunbar.canonical.ReadInputs;
import org.dunbar.coders.Deferred;
import org.dunbar.records.Event;
import org.dunbar.records.ReadFault;
import org.dunbar.records.Rejected;

/**
 * Receives what {@link ReadInputs#readFile} outputs for {@code dunbar validate}, keeping counts
 * rather than records: the tallies a run would sum, events by type, the first {@value #EXAMPLES}
 * rejected records of each reason, and the read faults.
 */
final class SampleReceiver implements DoFn.MultiOutputReceiver {
  static final int EXAMPLES = 3;

  final Map<String, Long> tallies = new TreeMap<>();
  final Map<String, Long> eventsByType = new TreeMap<>();
  final Map<String, List<Rejected>> examples = new LinkedHashMap<>();
  final List<ReadFault> faults = new ArrayList<>();

  @Override
  @SuppressWarnings("unchecked")
  public <T> DoFn.OutputReceiver<T> get(TupleTag<T> tag) {
    if (tag.equals(ReadInputs.EVENTS)) {
      return receiver(
          e -> eventsByType.merge(((Deferred<Event>) e).get().getType(), 1L, Long::sum));
    }
    if (tag.equals(ReadInputs.TALLIES)) {
      return receiver(
          t -> {
            KV<String, Long> kv = (KV<String, Long>) t;
            tallies.merge(kv.getKey(), kv.getValue(), Long::sum);
          });
    }
    if (tag.equals(ReadInputs.REJECTED)) {
      return receiver(
          r -> {
            List<Rejected> first =
                examples.computeIfAbsent(((Rejected) r).getReason(), k -> new ArrayList<>());
            if (first.size() < EXAMPLES) {
              first.add((Rejected) r);
            }
          });
    }
    if (tag.equals(ReadInputs.FAULTS)) {
      return receiver(f -> faults.add((ReadFault) f));
    }
    // Snapshots and baseline edges are counted by the tallies; validate keeps no record of them,
    // nor of account names or what the read notes for routing's filters, which are no part of the
    // accounting it prints.
    return receiver(x -> {});
  }

  @Override
  public <T> DoFn.OutputReceiver<Row> getRowReceiver(TupleTag<T> tag) {
    throw new UnsupportedOperationException("reading inputs outputs no rows");
  }

  private static <T> DoFn.OutputReceiver<T> receiver(java.util.function.Consumer<Object> action) {
    return new DoFn.OutputReceiver<>() {
      @Override
      public void output(T value) {
        action.accept(value);
      }

      @Override
      public void outputWithTimestamp(T value, org.joda.time.Instant timestamp) {
        action.accept(value);
      }
    };
  }
}
