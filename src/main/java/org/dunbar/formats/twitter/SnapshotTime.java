package org.dunbar.formats.twitter;

/**
 * When the follower counts in a tweet's user objects were observed.
 *
 * <p>Streaming collections deliver each tweet as it is created, so its user objects hold the counts
 * of that moment; REST, search and v2 responses hold the counts of the moment they were retrieved.
 * The adapter cannot tell which from the payload, so the study says it.
 */
public enum SnapshotTime {
  /** The creation of the top-level tweet the user object arrived with. */
  CREATED,
  /** The collection's retrieval time, twarc's {@code __twarc.retrieved_at}. */
  RETRIEVED
}
