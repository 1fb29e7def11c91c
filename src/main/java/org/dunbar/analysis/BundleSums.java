package org.dunbar.analysis;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;

/**
 * Merges values per key inside one bundle of a DoFn before they are emitted: what a combiner's
 * pre-shuffle phase does, but with a hash map. On Flink's batch runner that phase sorts every
 * element first; the pair replay reports millions of small per-(account, period) counts that
 * collapse to a few per key, so merging them here is most of the saving.
 *
 * <p>The map holds at most {@code maxKeys} keys: when it is full it is emitted and emptied, so
 * memory stays bounded whatever the input. Emitting early only means more partial values for the
 * downstream combiner, which merges them into the same result.
 */
final class BundleSums<K, V> {
  private final BinaryOperator<V> merge;
  private final int maxKeys;
  private final Map<K, V> partial = new HashMap<>();

  /**
   * @param merge combines two partial values of a key; may update and return its first argument
   */
  BundleSums(BinaryOperator<V> merge, int maxKeys) {
    this.merge = merge;
    this.maxKeys = maxKeys;
  }

  /** Adds a value; when that makes the map overfull, emits it all to {@code out}. */
  void add(K key, V value, BiConsumer<K, V> out) {
    // One lookup per value: the map may pass maxKeys by one key before it is emptied.
    partial.merge(key, value, merge);
    if (partial.size() > maxKeys) {
      drainTo(out);
    }
  }

  /**
   * The partial value of a key, created empty if absent, for the caller to update in place; when
   * the map is full, emits it all to {@code out} first.
   */
  V partial(K key, Supplier<V> empty, BiConsumer<K, V> out) {
    V value = partial.get(key);
    if (value == null) {
      if (partial.size() >= maxKeys) {
        drainTo(out);
      }
      value = empty.get();
      partial.put(key, value);
    }
    return value;
  }

  /** Emits every partial value and empties the map. */
  void drainTo(BiConsumer<K, V> out) {
    partial.forEach(out);
    partial.clear();
  }
}
