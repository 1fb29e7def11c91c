package org.dunbar.formats.bluesky;

import java.util.Locale;
import java.util.Set;

/**
 * The kinds under which valid Jetstream events that are not interactions are counted as skipped
 * (SPEC "Not every valid object is an interaction").
 *
 * <p>{@code identity} and {@code account} events keep their Jetstream kind. A commit is counted as
 * {@code <collection>.<operation>} when its collection is in the {@code app.bsky} or {@code
 * chat.bsky} namespaces (e.g. {@code app.bsky.graph.block.create}, {@code
 * app.bsky.feed.like.delete}) and as {@code other_collection.<operation>} otherwise: any
 * application may write records to the network, and one manifest entry per third-party collection
 * would bury the ones that matter. A kind is a tally name ({@link
 * org.dunbar.formats.RecordSink#skipped}): letters are lower-cased and anything but letters,
 * digits, '_' and '.' becomes '_'.
 */
final class SkipKinds {
  /** A handle change: the one notice that also names an account. */
  static final String IDENTITY = "identity";

  private static final Set<String> NOTICES = Set.of(IDENTITY, "account");

  private SkipKinds() {}

  /**
   * True for the Jetstream kinds that carry no commit: a handle change, an account status change.
   */
  static boolean isNotice(String kind) {
    return NOTICES.contains(kind);
  }

  static String ofCommit(String collection, String operation) {
    boolean bluesky = collection.startsWith("app.bsky.") || collection.startsWith("chat.bsky.");
    return (bluesky ? name(collection) : "other_collection") + "." + name(operation);
  }

  private static String name(String text) {
    String lower = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.]", "_");
    return lower.isEmpty() || !Character.isLetter(lower.charAt(0)) ? "x" + lower : lower;
  }
}
