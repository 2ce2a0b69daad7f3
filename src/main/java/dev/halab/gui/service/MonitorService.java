package dev.halab.gui.service;

import java.util.function.Consumer;

/** Opens a live monitor on an installed lab. */
public interface MonitorService {
    /**
     * Starts watching; {@code updates} is called from worker threads (the dashboard batches them).
     * Blocks only while connecting.
     */
    MonitorSession open(RunRequest request, Consumer<MonitorUpdate> updates) throws ServiceException;

    interface MonitorSession extends AutoCloseable {
        /**
         * Makes a front end fail; blocks until the action is done on the host. {@code node} is
         * "master", "backup" (resolved by the core at this moment) or a front end's name.
         *
         * @return what was done: the host failed and when (the host's clock just before the fault)
         */
        dev.halab.core.failover.ChaosResult chaos(String node, dev.halab.core.failover.ChaosAction method) throws ServiceException;

        /** Undoes every chaos action on the host (starts services, link up, power on). */
        void restore(String host) throws ServiceException;

        /** A break-it-yourself exercise on this session's lab; progress comes from worker threads. */
        default ExerciseRun exercise(dev.halab.core.exercise.Exercise exercise,
                                     Consumer<dev.halab.core.i18n.LocalizedText> progress) throws ServiceException {
            throw new ServiceException(Services.notAvailable("feature.monitor"), null);
        }

        @Override
        void close();
    }
}
