package dev.halab.gui.common;

/** How a view model reaches threads: background work, single results, bulk events. */
public record UiContext(BackgroundExecutor background, UiThread ui, UiBatching batching) {
    /** Tests: everything runs in the caller's thread, in order. */
    public static UiContext sameThread() {
        return new UiContext(BackgroundExecutor.SAME_THREAD, UiThread.SAME_THREAD, UiBatching.SAME_THREAD);
    }

    public static UiContext fx(BackgroundExecutor background) {
        return new UiContext(background, UiThread.FX, UiBatching.FX);
    }
}
