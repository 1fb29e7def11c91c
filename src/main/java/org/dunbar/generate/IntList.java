package org.dunbar.generate;

import java.util.Arrays;

/** A growable list of ints; per-account adjacency lists would cost several times more boxed. */
final class IntList {
  private int[] items = new int[4];
  private int size;

  int size() {
    return size;
  }

  int get(int index) {
    return items[index];
  }

  void add(int value) {
    if (size == items.length) {
      items = Arrays.copyOf(items, size * 2);
    }
    items[size++] = value;
  }

  boolean contains(int value) {
    for (int i = 0; i < size; i++) {
      if (items[i] == value) {
        return true;
      }
    }
    return false;
  }

  /** Removes one occurrence by moving the last item into its place: order is not kept. */
  void remove(int value) {
    for (int i = 0; i < size; i++) {
      if (items[i] == value) {
        removeAt(i);
        return;
      }
    }
  }

  /** Like {@link #remove}, by position. */
  int removeAt(int index) {
    int value = items[index];
    items[index] = items[--size];
    return value;
  }
}
