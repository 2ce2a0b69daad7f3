package dev.halab.gui.bench;

import javafx.animation.AnimationTimer;

/** Records the longest gap between two FX pulses (a frame that took that long) while started. */
final class FrameWatch extends AnimationTimer {
    private long last;
    private long longest;
    private long frames;
    private long slow;

    @Override
    public void handle(long now) {
        if (last != 0) {
            longest = Math.max(longest, now - last);
            if (now - last > 100_000_000L) {
                slow++;
            }
        }
        last = now;
        frames++;
    }

    void reset() {
        last = 0;
        longest = 0;
        frames = 0;
        slow = 0;
    }

    /** Frames that took longer than 100 ms. */
    long slowFrames() {
        return slow;
    }

    double longestMillis() {
        return longest / 1e6;
    }

    long frames() {
        return frames;
    }
}
