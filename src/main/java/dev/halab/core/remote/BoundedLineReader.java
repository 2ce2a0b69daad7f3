package dev.halab.core.remote;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines like {@link java.io.BufferedReader#readLine()} (ended by LF, CR or CRLF) but never
 * holds more than {@code maxChars} of one line: the rest of an overlong line is skipped and
 * counted, and the line returned ends with a note of how much was left out. A host printing
 * megabytes without a line end therefore costs the controller no more than one bounded line.
 */
final class BoundedLineReader {
    /** Far longer than any line HA Lab parses (the base64 manifest is a few KiB). */
    static final int MAX_LINE_CHARS = BoundedOutput.TAIL_CHARS;

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private boolean skipLineFeed;
    private long charsLeftOut;

    BoundedLineReader(Reader in) {
        this(in, MAX_LINE_CHARS);
    }

    BoundedLineReader(Reader in, int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be positive: " + maxChars);
        }
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its end, or null at the end of the stream. */
    String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        long skipped = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? finish(line, skipped) : null;
                }
            }
            char c = buffer[position++];
            if (skipLineFeed) {
                skipLineFeed = false;
                if (c == '\n') {
                    continue;
                }
            }
            any = true;
            if (c == '\n' || c == '\r') {
                skipLineFeed = c == '\r';
                return finish(line, skipped);
            }
            if (line.length() < maxChars) {
                line.append(c);
            } else {
                skipped++;
            }
        }
    }

    /** The characters of overlong lines skipped so far. */
    long charsLeftOut() {
        return charsLeftOut;
    }

    private String finish(StringBuilder line, long skipped) {
        charsLeftOut += skipped;
        return skipped == 0 ? line.toString() : line.append(" … ").append(skipped).append(" characters left out …").toString();
    }
}
