package org.dunbar.canonical;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.dunbar.records.Event;

/**
 * The SPEC's id of a record without {@code event_id}: the lowercase hex SHA-256 of lower(type),
 * actor, target, post_id, parent_id, ts (epoch microseconds) and the occurrence number k, joined by
 * U+001F, absent fields as empty strings, in UTF-8.
 */
public final class EventIds {
  private static final char SEPARATOR = '\u001F';
  private static final HexFormat HEX = HexFormat.of();
  private static final HashFunction MURMUR3_128 = Hashing.murmur3_128();

  // MessageDigest is not thread-safe and costly to look up; one per thread serves millions of ids.
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("every Java platform provides SHA-256", e);
            }
          });

  private EventIds() {}

  /** The event id of the k-th (1-based) line of a file with these fields. */
  public static String withOccurrence(Event event, long k) {
    if (k < 1) {
      throw new IllegalArgumentException("occurrence numbers start at 1: " + k);
    }
    return sha256(fields(event).append(SEPARATOR).append(k));
  }

  /**
   * A digest of what the id rule hashes but the occurrence number: MurmurHash3's 128 bits (x64,
   * Guava) of the same joined fields. Two events with equal digests have the same content (type,
   * actor, target, post_id, parent_id, instant), bar a 2^-128 chance for inputs not made to
   * collide; a collision would at worst count a conflicting copy of an id as a plain duplicate,
   * since the digest only tells those apart. Not SHA-256, which is made to resist such inputs:
   * every event with its own id needs a digest, and SHA-256 took a quarter of routing such events.
   */
  public static ContentDigest contentDigest(Event event) {
    ByteBuffer digest =
        ByteBuffer.wrap(MURMUR3_128.hashString(fields(event), StandardCharsets.UTF_8).asBytes())
            .order(ByteOrder.LITTLE_ENDIAN);
    return new ContentDigest(digest.getLong(), digest.getLong());
  }

  private static StringBuilder fields(Event event) {
    StringBuilder joined = new StringBuilder(128);
    joined.append(event.getType().toLowerCase(Locale.ROOT));
    for (String field :
        new String[] {
          event.getActor(), event.getTarget(), event.getPostId(), event.getParentId()
        }) {
      joined.append(SEPARATOR);
      if (field != null) {
        joined.append(field);
      }
    }
    return joined.append(SEPARATOR).append(event.getTs());
  }

  private static String sha256(CharSequence text) {
    byte[] hash = SHA_256.get().digest(text.toString().getBytes(StandardCharsets.UTF_8));
    return HEX.formatHex(hash);
  }
}
