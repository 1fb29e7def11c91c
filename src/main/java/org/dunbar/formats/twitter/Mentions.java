package org.dunbar.formats.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.dunbar.formats.Reasons;

/** Turns a tweet's mention entities into account ids, never into screen names. */
final class Mentions {
  private Mentions() {}

  /**
   * @param entities the mention entity array (absent: no mentions)
   * @param idOfName the user id a username stands for in this line, or null when nothing in the
   *     line says; a mention that names no id and no resolvable username rejects the tweet
   * @param nameKey the entity's username field
   * @param idKeys the entity's id fields, exact form first
   * @return distinct ids in the order written: "@a @a" is one mention of a
   */
  static List<String> resolve(
      JsonNode entities, UnaryOperator<String> idOfName, String nameKey, String... idKeys)
      throws Rejection {
    Set<String> ids = new LinkedHashSet<>();
    if (entities == null || !entities.isArray()) {
      return List.of();
    }
    for (JsonNode mention : entities) {
      String id = Json.text(mention, idKeys);
      if (id == null) {
        String name = Json.text(mention, nameKey);
        id = name == null ? null : idOfName.apply(name);
        if (id == null) {
          throw new Rejection(Reasons.UNRESOLVED_MENTION, "@" + (name == null ? "?" : name));
        }
      }
      ids.add(id);
    }
    return List.copyOf(ids);
  }
}
