package org.dunbar.formats;

/** A record whose syntax is broken; the message is the rejection's detail. */
final class Unparsable extends Exception {
  private static final long serialVersionUID = 1L;

  Unparsable(String detail) {
    // Thrown for every broken line of a bad file: a stack trace would only cost time.
    super(detail, null, false, false);
  }
}
