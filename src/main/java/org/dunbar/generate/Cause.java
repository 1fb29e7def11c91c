package org.dunbar.generate;

/** Why an action was scheduled; decides which reactions it may trigger. */
enum Cause {
  /** The account's own daily activity; targets are chosen when it happens. */
  SPONTANEOUS,
  /** An answer to a directed interaction received. */
  RESPONSE,
  FOLLOW_BACK,
  /** Following someone after talking with them both ways. */
  CONVERSATION,
  /** Following someone who reached out first. */
  OUTREACH,
  /** Following someone whose posts one liked or reshared. */
  FAN,
  /** Following an account that was put in front of many strangers at once. */
  BURST,
  /** Undoing an earlier follow. */
  UNDO
}
