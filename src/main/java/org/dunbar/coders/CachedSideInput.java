package org.dunbar.coders;

import java.io.Serializable;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * A side input in the global window, read from the runner once per DoFn instance and kept, with
 * what the DoFn makes of it (the value itself, or an object built from it once).
 *
 * <p>Why: Beam's Flink batch runner (2.62) builds an error message naming the view on every side
 * input read, whether or not it fails ({@code FlinkSideInputReader.get}). A DoFn that read its
 * filters for each of a million events spent nearly half its time there. The study's side inputs
 * are all in the global window and fixed for the run, so the first value read is the value for
 * every element.
 *
 * @param <V> the view's value
 * @param <T> what the DoFn uses
 */
public final class CachedSideInput<V, T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final PCollectionView<V> view;
  private final SerializableFunction<V, T> build;
  private transient T value;
  private transient boolean read;

  private CachedSideInput(PCollectionView<V> view, SerializableFunction<V, T> build) {
    this.view = view;
    this.build = build;
  }

  /** The view's value as it is. */
  public static <V> CachedSideInput<V, V> of(PCollectionView<V> view) {
    return new CachedSideInput<>(view, value -> value);
  }

  /** What {@code build} makes of the view's value, made once per DoFn instance. */
  public static <V, T> CachedSideInput<V, T> of(
      PCollectionView<V> view, SerializableFunction<V, T> build) {
    return new CachedSideInput<>(view, build);
  }

  /** The view, for {@code ParDo.withSideInputs}. */
  public PCollectionView<V> view() {
    return view;
  }

  /** The value, read through {@code c} the first time. */
  public T get(DoFn<?, ?>.ProcessContext c) {
    if (!read) {
      value = build.apply(c.sideInput(view));
      read = true;
    }
    return value;
  }
}
