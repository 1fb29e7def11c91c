package org.dunbar.formats.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The tweet records of one line, in one API version's layout. */
interface TweetPage {

  /**
   * One tweet record.
   *
   * @param tweet the tweet object (or whatever stands where one was expected)
   * @param top the top-level tweet it arrived with: itself when it is one; null when it arrived
   *     with a v2 page rather than inside a tweet
   */
  record Item(JsonNode tweet, JsonNode top) {}

  /** Every record of the line, each top-level tweet before the tweets embedded in it. */
  List<Item> items();

  /**
   * What the record is when it is valid input but no tweet (a stream notice, an error response, an
   * empty page; see {@link Notices}), to be skipped under that kind; null when it is to be read as
   * a tweet.
   */
  String skipKind(Item item);

  /** Maps one record, or says why it cannot be mapped. */
  Tweet read(Item item) throws Rejection;

  /** The creation of a top-level tweet, or null when it has no usable one. */
  Long created(JsonNode top);
}
