package org.dunbar.formats;

/**
 * One non-blank physical line of an input file.
 *
 * @param number 1-based physical line number (blank lines count)
 * @param bytes the line without its terminator; for a line that is too long only a prefix that is
 *     longer than {@link RawText#MAX_BYTES}, so that its raw text is known to be truncated
 * @param tooLong true when the line has more than {@link NumberedLineReader#MAX_LINE_BYTES} bytes
 */
public record NumberedLine(long number, byte[] bytes, boolean tooLong) {}
