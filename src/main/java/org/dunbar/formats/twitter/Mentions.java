package org.dunbar.formats.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A tweet's mentions as account ids, never as screen names.
 *
 * @param ids the mentioned user ids, distinct, in the order written: "@a @a" is one mention of a
 * @param unresolved the usernames, lower-cased and distinct, of mentions that name no id and that
 *     no user object in the line resolves; each still makes a mention event, one whose target is
 *     left open, so the pipeline counts it as skipped ({@code unresolved_target}, SPEC "A record is
 *     never rejected for what it only references") while the tweet keeps everything else
 */
record Mentions(List<String> ids, List<String> unresolved) {
  static final Mentions NONE = new Mentions(List.of(), List.of());

  /**
   * @param entities the mention entity array (absent: no mentions)
   * @param idOfName the user id a username stands for in this line, or null when nothing in the
   *     line says
   * @param nameKey the entity's username field
   * @param idKeys the entity's id fields, exact form first
   */
  static Mentions resolve(
      JsonNode entities, UnaryOperator<String> idOfName, String nameKey, String... idKeys) {
    if (entities == null || !entities.isArray()) {
      return NONE;
    }
    Set<String> ids = new LinkedHashSet<>();
    Set<String> unresolved = new LinkedHashSet<>();
    for (JsonNode mention : entities) {
      String id = Json.text(mention, idKeys);
      String name = Json.text(mention, nameKey);
      if (id == null && name != null) {
        id = idOfName.apply(name);
      }
      if (id != null) {
        ids.add(id);
      } else {
        // Usernames are case-insensitive on Twitter: "@Gone" and "@gone" are one mention.
        unresolved.add(name == null ? "" : name.toLowerCase(Locale.ROOT));
      }
    }
    return new Mentions(List.copyOf(ids), List.copyOf(unresolved));
  }
}
