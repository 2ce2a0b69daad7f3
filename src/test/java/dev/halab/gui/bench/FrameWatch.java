package dev.halab.gui.bench;

import javafx.animation.AnimationTimer;

/** Records the longest gap between two FX pulses (a frame that took that long) while started. */
final class FrameWatch extends AnimationTimer {
    private long last;
    private long longest;
    private long frames;

    @Override
    public void handle(long now) {
        if (last != 0) {
            longest = Math.max(longest, now - last);
        }
        last = now;
        frames++;
    }

    void reset() {
        last = 0;
        longest = 0;
        frames = 0;
    }

    double longestMillis() {
        return longest / 1e6;
    }

    long frames() {
        return frames;
    }
}
