package org.dunbar.canonical;

/**
 * A 128-bit digest of an event's content: what the SPEC's id rule hashes but the occurrence number
 * (type, actor, target, post_id, parent_id, instant; {@link EventIds#contentDigest}). Copies of one
 * {@code event_id} with different digests are conflicting duplicates (SPEC "Ids and duplicates").
 *
 * @param high the digest's first 8 bytes, little-endian
 * @param low its last 8 bytes, little-endian
 */
public record ContentDigest(long high, long low) {}
