package dev.halab.gui.service;

import dev.halab.core.event.RunListener;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.gui.common.CancelToken;
import dev.halab.gui.common.Texts;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The core as the GUI sees it: four small ports. {@link #fromCore()} wires the real engine;
 * a part that is not in this build answers with a clear "not available" message.
 */
public record Services(InstallService install, ConnectionService connection, MonitorService monitor, LabService lab) {

    /** The real engine; {@code prompt} asks about host keys seen for the first time (a dialog). */
    public static Services fromCore(dev.halab.core.remote.HostKeyPrompt prompt) {
        return CoreServices.create(prompt);
    }

    /** Every port answering "not available in this build" (what the app shows until a part exists). */
    public static Services unavailable() {
        return new Services(new UnavailableInstall(), (topology, host, credentials, prompt) -> new ConnectionCheck(false, null,
                notAvailable("feature.connection"), null), new UnavailableMonitor(), new UnavailableLab());
    }

    static LocalizedText notAvailable(String featureKey) {
        return Texts.of("service.notAvailable", Texts.of(featureKey));
    }

    static final class UnavailableInstall implements InstallService {
        @Override
        public void preflight(RunRequest request, RunListener listener, CancelToken cancel) throws ServiceException {
            throw new ServiceException(notAvailable("feature.install"), null);
        }

        @Override
        public void plan(RunRequest request, RunListener listener, CancelToken cancel) throws ServiceException {
            throw new ServiceException(notAvailable("feature.install"), null);
        }

        @Override
        public void install(RunRequest request, RunListener listener, CancelToken cancel) throws ServiceException {
            throw new ServiceException(notAvailable("feature.install"), null);
        }

        @Override
        public void verify(RunRequest request, RunListener listener, CancelToken cancel) throws ServiceException {
            throw new ServiceException(notAvailable("feature.install"), null);
        }
    }

    static final class UnavailableMonitor implements MonitorService {
        @Override
        public MonitorSession open(RunRequest request, Consumer<MonitorUpdate> updates) throws ServiceException {
            throw new ServiceException(notAvailable("feature.monitor"), null);
        }
    }

    static final class UnavailableLab implements LabService {
        @Override
        public Optional<LocalizedText> unavailableReason() {
            return Optional.of(notAvailable("feature.lab"));
        }

        @Override
        public Credentials up(Consumer<LocalizedText> progress) throws ServiceException {
            throw new ServiceException(notAvailable("feature.lab"), null);
        }
    }

}
