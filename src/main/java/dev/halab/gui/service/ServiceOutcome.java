package dev.halab.gui.service;

import dev.halab.core.i18n.LocalizedText;
import dev.halab.gui.common.Texts;

/**
 * The result of one blocking service call made on a worker: its value, or the text that explains
 * why it failed. A bug (an unexpected runtime exception) becomes a message too, so a view model
 * never stays "busy" because a worker died.
 */
public record ServiceOutcome<T>(T value, LocalizedText failure) {

    @FunctionalInterface
    public interface Call<T> {
        T run() throws ServiceException;
    }

    @FunctionalInterface
    public interface Action {
        void run() throws ServiceException;
    }

    public static <T> ServiceOutcome<T> attempt(Call<T> call) {
        try {
            return new ServiceOutcome<>(call.run(), null);
        } catch (ServiceException e) {
            return new ServiceOutcome<>(null, e.text());
        } catch (RuntimeException e) {
            return new ServiceOutcome<>(null, Texts.of("error.unexpected", String.valueOf(e)));
        }
    }

    public static ServiceOutcome<Void> attemptAction(Action action) {
        return attempt(() -> {
            action.run();
            return null;
        });
    }

    public boolean ok() {
        return failure == null;
    }
}
