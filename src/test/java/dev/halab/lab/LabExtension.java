package dev.halab.lab;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Brings the local lab up once for the whole end-to-end run and tears it down at the very end.
 *
 * <pre>{@code
 * @Tag("lab")
 * @ExtendWith(LabExtension.class)
 * class InstallIT {
 *     @Test
 *     void installs(LocalLab lab) { ... lab.reset(LabProgress.SILENT); ... }
 * }
 * }</pre>
 *
 * The lab lives in the root context's store, so every test class that uses this extension shares
 * it and JUnit closes it after the last test of the run. Hosts are fresh at the start of the run
 * (no packages, new host keys); a test that needs fresh hosts again calls {@link LocalLab#reset}.
 * A test that takes the lab down must bring it up again before it ends.
 *
 * <p>Runs are exclusive per machine (a lock file next to the lab's state dir): a second
 * {@code mvn verify} waits for the first to finish instead of resetting its hosts.
 *
 * <p>{@code -Dhalab.lab.keep=true} leaves the lab up after the run, for debugging.
 *
 * <p>When a test fails, the hosts' journals (keepalived, nginx, tomcat) and the last monitor
 * events are printed ({@link LabDiagnostics}), so a CI failure can be diagnosed from its output.
 */
public final class LabExtension implements BeforeAllCallback, ParameterResolver, TestWatcher {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LabExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        lab(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalLab.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return lab(context);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        LabDiagnostics.print(lab(context), context.getDisplayName(), cause, System.out);
    }

    private static LocalLab lab(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(RunningLab.class, key -> new RunningLab(), RunningLab.class).lab;
    }

    /** The lab for this run; closed by JUnit when the root context closes, i.e. after all tests. */
    @SuppressWarnings("deprecation") // CloseableResource: closed exactly once at the end of the run
    private static final class RunningLab implements ExtensionContext.Store.CloseableResource {
        private final LocalLab lab = LocalLab.fromDefaultProfile();
        private final FileChannel runLockChannel;
        private final FileLock runLock;

        RunningLab() {
            // One end-to-end run at a time per machine: a second run (another engineer's, another
            // build folder) would reset or take down the hosts under this one. It waits instead.
            Path lockFile = lab.config().stateDir().resolveSibling("e2e-run.lock");
            try {
                Files.createDirectories(lockFile.getParent());
                runLockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock acquired = runLockChannel.tryLock();
                if (acquired == null) {
                    System.out.println("[lab] another end-to-end run uses the lab; waiting for it to finish...");
                    acquired = runLockChannel.lock();
                }
                runLock = acquired;
            } catch (IOException e) {
                throw new LabException(dev.halab.core.i18n.LocalizedText.of("lab", "error.io.lock", lockFile, e.getMessage()), e);
            }
            lab.up(message -> System.out.println("[lab] " + message), true);
        }

        @Override
        public void close() throws IOException {
            try {
                if (!Boolean.getBoolean("halab.lab.keep")) {
                    lab.down();
                }
            } finally {
                runLock.release();
                runLockChannel.close();
            }
        }
    }
}
