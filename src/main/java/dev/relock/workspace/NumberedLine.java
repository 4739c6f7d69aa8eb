package dev.relock.workspace;

/**
 * A logical line of a project file and the 1-based number of its first physical line.
 *
 * @param line 1-based number of the first physical line
 * @param text the text, continuations joined
 */
public record NumberedLine(int line, String text) {}
