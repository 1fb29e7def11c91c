package org.dunbar.formats;

/**
 * One non-blank record of an input file: a physical line, or several when the file's {@link
 * Framing} lets a record span lines.
 *
 * @param number 1-based physical line number where the record starts (blank lines count)
 * @param bytes the record without its final line terminator; for a record that is too long only a
 *     prefix that is longer than {@link RawText#MAX_BYTES}, so that its raw text is known to be
 *     truncated
 * @param tooLong true when the record has more bytes than the reader's limit (max_line_bytes)
 * @param length the record's full length in bytes, line breaks inside it included
 */
public record NumberedLine(long number, byte[] bytes, boolean tooLong, long length) {}
