package org.dunbar.formats.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;

/**
 * Valid API objects that are not tweets, so not interactions: stream notices, compliance events,
 * error responses and empty result pages. They are skipped by kind (SPEC, Input: "Not every valid
 * object is an interaction"), never rejected. Each is recognised by its documented shape only, so
 * anything else that is not a tweet is still rejected as {@code unsupported_record}.
 */
final class Notices {
  /** A response or page without a tweet: an empty timeline, search result or v2 page. */
  static final String EMPTY_PAGE = "empty_page";

  /**
   * An error response: {@code {"errors":[...]}}, or a v2 problem object ({@code title}, {@code
   * type}).
   */
  static final String ERROR = "error";

  /**
   * v1.1 streaming message types that carry no tweet, each an object of one key (Twitter's
   * "Streaming message types": delete, scrub_geo, limit, status_withheld, user_withheld,
   * disconnect, warning).
   */
  static final Set<String> V1_STREAM =
      Set.of(
          "delete",
          "scrub_geo",
          "limit",
          "status_withheld",
          "user_withheld",
          "disconnect",
          "warning");

  /**
   * v2 compliance events, delivered as {@code {"data":{"<event>":{...}}}} (Twitter's "Compliance
   * Data Objects", Post and User events).
   */
  static final Set<String> V2_COMPLIANCE =
      Set.of(
          "delete",
          "tweet_edit",
          "withheld",
          "drop",
          "undrop",
          "scrub_geo",
          "user_delete",
          "user_undelete",
          "user_withheld",
          "user_protect",
          "user_unprotect",
          "user_suspend",
          "user_unsuspend",
          "user_profile_modification");

  private Notices() {}

  /**
   * The notice's kind when the object is exactly {@code {"<kind>": {...}}} with a known kind, else
   * null.
   */
  static String singleKey(JsonNode node, Set<String> kinds) {
    if (node == null || !node.isObject() || node.size() != 1) {
      return null;
    }
    Iterator<String> names = node.fieldNames();
    String name = names.next();
    return kinds.contains(name) && node.get(name).isObject() ? name : null;
  }

  /**
   * {@link #ERROR} for an error response: an object holding an {@code errors} array, or a v2
   * problem object (RFC 7807: string {@code title} and {@code type}), without a tweet's {@code id};
   * else null.
   */
  static String error(JsonNode node) {
    if (node == null || !node.isObject() || Json.hasKey(node, "id", "id_str")) {
      return null;
    }
    boolean errors = node.path("errors").isArray();
    boolean problem = node.path("title").isTextual() && node.path("type").isTextual();
    return errors || problem ? ERROR : null;
  }
}
