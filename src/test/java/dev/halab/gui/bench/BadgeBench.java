package dev.halab.gui.bench;

import dev.halab.core.profile.ProfileLoader;
import dev.halab.core.topology.Topology;
import dev.halab.gui.common.AppExecutor;
import dev.halab.gui.common.BatchedSink;
import dev.halab.gui.common.Theme;
import dev.halab.gui.common.UiBatching;
import dev.halab.gui.common.UiContext;
import dev.halab.gui.scenario.ScenarioViewModel;
import dev.halab.gui.service.MonitorUpdate;
import dev.halab.gui.topology.DashboardView;
import dev.halab.gui.topology.DashboardViewModel;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The GUI's share of "VIP moved on the host -> badge moves": from a monitor update handed to the
 * dashboard's batching inlet on a worker thread (as the monitor adapter does) to the VIP badge
 * starting its slide. The monitor's own lag (host event -> monitor) is measured by the failover
 * benchmark; the sum of the two is the end-to-end delay. Prints median and max of 40 moves.
 */
public final class BadgeBench {
    private static DashboardView view;
    private static DashboardViewModel vm;

    public static void main(String[] args) throws Exception {
        Topology topology = ProfileLoader.load("tutorial");
        CompletableFuture<Void> shown = new CompletableFuture<>();
        AppExecutor executor = new AppExecutor();
        Platform.startup(() -> {
            Theme.LIGHT.apply();
            vm = new DashboardViewModel(topology, (request, updates) -> {
                throw new UnsupportedOperationException();
            }, UiContext.fx(executor, java.util.Locale.ENGLISH));
            view = new DashboardView(vm, new ScenarioViewModel(vm));
            Stage stage = new Stage();
            Scene scene = new Scene(view, 1280, 800);
            Theme.style(scene);
            stage.setScene(scene);
            stage.show();
            shown.complete(null);
        });
        shown.get(30, TimeUnit.SECONDS);
        Thread.sleep(1000);
        BatchedSink<MonitorUpdate> sink = UiBatching.FX.open(vm::apply);
        AtomicLong movedAt = new AtomicLong();
        Platform.runLater(() -> view.topology().setOnBadgeMove(movedAt::set));
        List<Double> delays = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String holder = i % 2 == 0 ? "nginx2" : "nginx1";
            movedAt.set(0);
            long sent = System.nanoTime();
            sink.accept(new MonitorUpdate.VipHolder(Instant.now(), "192.168.224.150", holder));
            while (movedAt.get() == 0) {
                Thread.sleep(1);
            }
            delays.add((movedAt.get() - sent) / 1e6);
            Thread.sleep(300 + (i * 37) % 200); // let the slide finish; vary the phase against the pulse
        }
        sink.close();
        Collections.sort(delays);
        System.out.printf("vip-badge-delay-ms median=%.1f p90=%.1f max=%.1f moves=%d%n",
                delays.get(delays.size() / 2), delays.get((int) (delays.size() * 0.9)), delays.get(delays.size() - 1),
                delays.size());
        executor.close();
        Platform.exit();
        System.exit(0);
    }

    private BadgeBench() {
    }
}
