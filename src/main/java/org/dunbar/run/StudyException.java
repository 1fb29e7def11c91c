package org.dunbar.run;

/** A study file or flag that cannot be used; the message names the field and what it accepts. */
public final class StudyException extends RuntimeException {
  public StudyException(String field, String problem) {
    super(field + ": " + problem);
  }
}
