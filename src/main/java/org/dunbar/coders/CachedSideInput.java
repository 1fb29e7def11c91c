package org.dunbar.coders;

import java.io.Serializable;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * A side input in the global window, read from the runner once per DoFn instance and kept.
 *
 * <p>Why: Beam's Flink batch runner (2.62) builds an error message naming the view on every side
 * input read, whether or not it fails ({@code FlinkSideInputReader.get}). A DoFn that read its
 * filters for each of a million events spent nearly half its time there. The study's side inputs
 * are all in the global window and fixed for the run, so the first value read is the value for
 * every element.
 *
 * @param <T> the view's value
 */
public final class CachedSideInput<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final PCollectionView<T> view;
  private transient T value;
  private transient boolean read;

  public CachedSideInput(PCollectionView<T> view) {
    this.view = view;
  }

  /** The view, for {@code ParDo.withSideInputs}. */
  public PCollectionView<T> view() {
    return view;
  }

  /** The view's value, read through {@code c} the first time. */
  public T get(DoFn<?, ?>.ProcessContext c) {
    if (!read) {
      value = c.sideInput(view);
      read = true;
    }
    return value;
  }
}
