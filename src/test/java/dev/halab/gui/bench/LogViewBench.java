package dev.halab.gui.bench;

import dev.halab.core.event.RunEvent;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.gui.common.AppExecutor;
import dev.halab.gui.common.BatchedSink;
import dev.halab.gui.common.Theme;
import dev.halab.gui.common.UiBatching;
import dev.halab.gui.common.UiContext;
import dev.halab.gui.install.InstallView;
import dev.halab.gui.install.InstallViewModel;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Log view throughput: apt-like lines from 4 worker threads through the same batching path the
 * install screen uses, into the shown install screen (log following the tail). Prints the lines
 * per second that reached the view and the longest frame while (a) paced at 20 000 lines/s and
 * (b) flooded as fast as the workers can. Run by bench/gui-bench.sh (real window under xvfb).
 */
public final class LogViewBench {
    private static final int PACED_RATE = 20_000;
    private static final int PACED_SECONDS = 5;
    private static final int FLOOD_LINES = 400_000;

    private static InstallViewModel vm;
    private static FrameWatch frames;

    public static void main(String[] args) throws Exception {
        CompletableFuture<Void> shown = new CompletableFuture<>();
        AppExecutor executor = new AppExecutor();
        Platform.startup(() -> {
            Theme.LIGHT.apply();
            vm = new InstallViewModel(dev.halab.gui.service.Services.unavailable().install(), UiContext.fx(executor, java.util.Locale.ENGLISH));
            try {
                vm.apply(List.of(new RunEvent.RunStarted(Instant.now(), "install",
                        ProfileLoader.load("tutorial").hosts().stream().map(h -> h.name()).toList())));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            Stage stage = new Stage();
            Scene scene = new Scene(new InstallView(vm, () -> { }, () -> { }), 1280, 800);
            Theme.style(scene);
            stage.setScene(scene);
            stage.show();
            frames = new FrameWatch();
            frames.start();
            shown.complete(null);
        });
        shown.get(30, TimeUnit.SECONDS);
        Thread.sleep(1000);

        run("warm-up", 20_000, PACED_RATE); // JIT and first layouts, not counted
        run("paced", PACED_RATE * PACED_SECONDS, PACED_RATE);
        run("flood", FLOOD_LINES, 0);
        executor.close();
        Platform.exit();
        System.exit(0);
    }

    /** Sends {@code total} lines from 4 threads (at {@code rate} lines/s overall, 0 = unpaced) and waits until all are shown. */
    private static void run(String name, int total, int rate) throws Exception {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Platform.runLater(() -> {
            vm.log().clear();
            frames.reset();
            ready.complete(null);
        });
        ready.get();
        BatchedSink<RunEvent> sink = UiBatching.FX.open(vm::apply);
        String[] hosts = {"nginx1", "nginx2", "tomcat1", "tomcat2"};
        long start = System.nanoTime();
        Thread[] workers = new Thread[4];
        for (int w = 0; w < 4; w++) {
            int worker = w;
            workers[w] = new Thread(() -> {
                int share = total / 4;
                for (int i = 0; i < share; i++) {
                    if (rate > 0 && i % 100 == 0) {
                        long due = start + (long) (i * 4 * 1e9 / rate);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            try {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    }
                    sink.accept(new RunEvent.OutputLine(Instant.now(), hosts[worker], "packages", false,
                            "Unpacking libfoo" + i + " (1.2.3-4) over (1.2.3-3) ..."));
                }
            });
            workers[w].start();
        }
        for (Thread t : workers) {
            t.join();
        }
        int expected = (total / 4) * 4;
        while (true) {
            CompletableFuture<Integer> size = new CompletableFuture<>();
            Platform.runLater(() -> size.complete(vm.log().size()));
            if (size.get() >= Math.min(expected, InstallViewModel.MAX_LOG_LINES)) {
                break;
            }
            Thread.sleep(5);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        CompletableFuture<double[]> frame = new CompletableFuture<>();
        Platform.runLater(() -> frame.complete(new double[] {frames.longestMillis(), frames.frames(), frames.slowFrames()}));
        double[] f = frame.get();
        sink.close();
        System.out.printf("log-%s lines=%d seconds=%.2f lines-per-second=%.0f longest-frame-ms=%.1f frames=%.0f frames-over-100ms=%.0f%n",
                name, expected, seconds, expected / seconds, f[0], f[1], f[2]);
    }

    private LogViewBench() {
    }
}
