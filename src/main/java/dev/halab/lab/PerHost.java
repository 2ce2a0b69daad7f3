package dev.halab.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** Runs one task per host at once (hosts are independent); the first failure is rethrown. */
final class PerHost {

    private PerHost() {
    }

    static void parallel(List<LabHost> hosts, Consumer<LabHost> task) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, hosts.size()));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (LabHost host : hosts) {
                futures.add(pool.submit(() -> task.accept(host)));
            }
            LabException first = null;
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (first == null) {
                        first = cause instanceof LabException lab ? lab : new LabException(LabMessages.text("error.unexpected", cause.toString()), cause);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LabException(LabMessages.text("error.interrupted", "-"), e);
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdown();
        }
    }

    static String names(List<LabHost> hosts) {
        return String.join(", ", hosts.stream().map(LabHost::name).toList());
    }
}
