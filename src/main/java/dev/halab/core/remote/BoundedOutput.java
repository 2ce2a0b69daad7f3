package dev.halab.core.remote;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The collected output of one remote command, kept within a memory bound so that a command that
 * floods its output (a runaway log, {@code cat} of a huge file) cannot exhaust the controller's
 * memory: the first {@code headChars} characters of lines and the last {@code tailChars} are kept,
 * the lines in between are counted and replaced by one line that says how many were left out.
 * The beginning is kept because it says what the command did, the end because it holds the
 * verdict (an error, an {@code end ok} marker). Not thread-safe: one reader per stream.
 */
final class BoundedOutput {
    /** Enough for every output HA Lab parses (facts, package lists, a config file); far below a threat to the heap. */
    static final int HEAD_CHARS = 1 << 20;
    static final int TAIL_CHARS = 256 << 10;

    private final int headChars;
    private final int tailChars;
    private final StringBuilder head = new StringBuilder();
    private final Deque<String> tail = new ArrayDeque<>();
    private long tailSize;
    private long linesLeftOut;
    private long charsLeftOut;

    BoundedOutput() {
        this(HEAD_CHARS, TAIL_CHARS);
    }

    BoundedOutput(int headChars, int tailChars) {
        if (headChars < 0 || tailChars < 1) {
            throw new IllegalArgumentException("bounds must be positive: " + headChars + ", " + tailChars);
        }
        this.headChars = headChars;
        this.tailChars = tailChars;
    }

    /** Adds one line (without its line end). */
    void add(String line) {
        int size = line.length() + 1;
        if (tail.isEmpty() && head.length() + size <= headChars) {
            head.append(line).append('\n');
            return;
        }
        if (size > tailChars) { // longer than the whole tail: keep its end, which is where errors are
            charsLeftOut += size - tailChars;
            line = line.substring(line.length() - (tailChars - 1));
            size = tailChars;
        }
        tail.addLast(line);
        tailSize += size;
        while (tailSize > tailChars) {
            String dropped = tail.removeFirst();
            tailSize -= dropped.length() + 1;
            linesLeftOut++;
            charsLeftOut += dropped.length() + 1;
        }
    }

    long linesLeftOut() {
        return linesLeftOut;
    }

    long charsLeftOut() {
        return charsLeftOut;
    }

    /** The kept text; where lines were left out, one line says how many. */
    String text() {
        StringBuilder text = new StringBuilder(head.length() + (int) tailSize + 64).append(head);
        if (linesLeftOut > 0 || charsLeftOut > 0) {
            text.append(leftOutLine(linesLeftOut, charsLeftOut)).append('\n');
        }
        for (String line : tail) {
            text.append(line).append('\n');
        }
        return text.toString();
    }

    /** Raw command output is data in the host's own language, so this marker stays as neutral as a log line. */
    static String leftOutLine(long lines, long chars) {
        return "… " + lines + " lines (" + chars + " characters) left out …";
    }
}
