package dev.halab.core.remote;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 11.5: a remote command's collected output is bounded; what is left out is counted and said. */
class BoundedOutputTest {

    @Test
    void outputWithinTheBoundIsKeptWhole() {
        BoundedOutput out = new BoundedOutput(100, 50);
        out.add("one");
        out.add("");
        out.add("three");
        assertThat(out.text()).isEqualTo("one\n\nthree\n");
        assertThat(out.linesLeftOut()).isZero();
    }

    @Test
    void aFloodKeepsTheFirstAndLastLinesAndSaysHowManyWereLeftOut() {
        BoundedOutput out = new BoundedOutput(BoundedOutput.HEAD_CHARS, BoundedOutput.TAIL_CHARS);
        int lines = 300_000; // "line 0000000\n" = 13 characters: 3.9 MB of output, three times the bound
        for (int i = 0; i < lines; i++) {
            out.add(String.format("line %07d", i));
        }
        String text = out.text();
        int head = BoundedOutput.HEAD_CHARS / 13;
        int tail = BoundedOutput.TAIL_CHARS / 13;
        long leftOut = lines - head - tail;
        assertThat(text.length()).isLessThanOrEqualTo(BoundedOutput.HEAD_CHARS + BoundedOutput.TAIL_CHARS + 100);
        assertThat(text).startsWith("line 0000000\nline 0000001\n").endsWith("line 0299999\n")
                .contains(String.format("line %07d\n… %d lines (%d characters) left out …\nline %07d\n",
                        head - 1, leftOut, leftOut * 13, head + leftOut));
        assertThat(out.linesLeftOut()).isEqualTo(leftOut);
    }

    @Test
    void aLineLongerThanTheTailKeepsItsEnd() {
        BoundedOutput out = new BoundedOutput(4, 6);
        out.add("ab");
        out.add("0123456789");
        assertThat(out.text()).isEqualTo("ab\n… 0 lines (5 characters) left out …\n56789\n");
    }

    @Test
    void linesEndAtLfCrOrCrLfAsWithBufferedReader() throws IOException {
        assertThat(readAll(new StringReader("a\nb\r\nc\rd\n\ne"), 100)).containsExactly("a", "b", "c", "d", "", "e");
        assertThat(readAll(new StringReader(""), 100)).isEmpty();
        assertThat(readAll(new StringReader("x\n"), 100)).containsExactly("x");
    }

    @Test
    void anEndlessLineCostsNoMoreThanTheBound() throws IOException {
        long flood = 50_000_000L; // 50 MB without a line end, never held in memory by the source either
        Reader endless = new Reader() {
            private long left = flood;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + n, 'x');
                left -= n;
                return n;
            }

            @Override
            public void close() {
            }
        };
        List<String> lines = readAll(endless, BoundedLineReader.MAX_LINE_CHARS);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).hasSizeLessThan(BoundedLineReader.MAX_LINE_CHARS + 64)
                .endsWith("x … " + (flood - BoundedLineReader.MAX_LINE_CHARS) + " characters left out …");
    }

    private static List<String> readAll(Reader in, int max) throws IOException {
        BoundedLineReader reader = new BoundedLineReader(in, max);
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            lines.add(line);
        }
        return lines;
    }
}
