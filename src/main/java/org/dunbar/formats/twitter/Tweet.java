package org.dunbar.formats.twitter;

import java.util.List;

/**
 * What one tweet object says, the same whichever API version delivered it: the canonical events
 * follow from this alone, so a tweet collected through v1.1 and through v2 maps identically.
 *
 * @param id the tweet id
 * @param author the author's user id
 * @param ts creation, epoch microseconds
 * @param reply the replied-to user and tweet, or null
 * @param quote the quoted tweet's author and id, or null
 * @param reshare the retweeted tweet's author and id, or null; a retweet is nothing else
 * @param mentions the mentioned user ids and the usernames nothing in the line resolves
 * @param users counts of the user objects this record carries, for snapshots
 * @param names the names the record gives accounts (issue 11, "Accounts table")
 */
record Tweet(
    String id,
    String author,
    long ts,
    Link reply,
    Link quote,
    Link reshare,
    Mentions mentions,
    List<UserCounts> users,
    List<Name> names) {

  /**
   * An interaction with another tweet: whose it is, and which.
   *
   * @param target the other tweet's author; null when the line does not say (a deleted, protected
   *     or withheld tweet left out of the payload): the pipeline then resolves it from a copy of
   *     that tweet elsewhere in the input, or skips the event as {@code unresolved_target}
   * @param parentId the other tweet's id; null when the line does not even say which tweet it is
   */
  record Link(String target, String parentId) {}

  /**
   * A name the record gives an account. Either may be null or invalid: {@link
   * org.dunbar.formats.NameSighting#of} decides what is published.
   *
   * @param account the user id, as the events use it
   * @param written true for a name written in the tweet (a v1.1 mention's or reply's screen name),
   *     which holds at the tweet's creation; false for a user object's screen name or username,
   *     which holds when the user object was observed
   */
  record Name(String account, String name, boolean written) {}
}
