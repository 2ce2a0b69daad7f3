package dev.halab.gui.common;

/**
 * Where view models send blocking work (SSH, planning, the lab). The app passes
 * {@link AppExecutor}; tests pass {@link #SAME_THREAD} so that a call is finished when it returns.
 */
@FunctionalInterface
public interface BackgroundExecutor {
    BackgroundExecutor SAME_THREAD = Runnable::run;

    void execute(Runnable task);
}
