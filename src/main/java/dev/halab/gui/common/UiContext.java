package dev.halab.gui.common;

import java.util.Locale;

/**
 * How a view model reaches threads (background work, single results, bulk events) and the
 * language its window shows ({@link Texts}: one per window, never a JVM-wide setting).
 */
public record UiContext(BackgroundExecutor background, UiThread ui, UiBatching batching, Texts texts) {
    /** Tests: everything runs in the caller's thread, in order; texts in English. */
    public static UiContext sameThread() {
        return sameThread(Locale.ENGLISH);
    }

    /** Tests: everything runs in the caller's thread, in order; texts in {@code locale}. */
    public static UiContext sameThread(Locale locale) {
        return new UiContext(BackgroundExecutor.SAME_THREAD, UiThread.SAME_THREAD, UiBatching.SAME_THREAD, new Texts(locale));
    }

    /** The app: work on {@code background}, results on the FX thread, texts in {@code locale} until the user picks another. */
    public static UiContext fx(BackgroundExecutor background, Locale locale) {
        return new UiContext(background, UiThread.FX, UiBatching.FX, new Texts(locale));
    }
}
