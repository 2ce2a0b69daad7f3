package dev.halab.lab;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

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
 * <p>{@code -Dhalab.lab.keep=true} leaves the lab up after the run, for debugging.
 */
public final class LabExtension implements BeforeAllCallback, ParameterResolver {

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

    private static LocalLab lab(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(RunningLab.class, key -> new RunningLab(), RunningLab.class).lab;
    }

    /** The lab for this run; closed by JUnit when the root context closes, i.e. after all tests. */
    @SuppressWarnings("deprecation") // CloseableResource: closed exactly once at the end of the run
    private static final class RunningLab implements ExtensionContext.Store.CloseableResource {
        private final LocalLab lab = LocalLab.fromDefaultProfile();

        RunningLab() {
            lab.up(message -> System.out.println("[lab] " + message), true);
        }

        @Override
        public void close() {
            if (!Boolean.getBoolean("halab.lab.keep")) {
                lab.down();
            }
        }
    }
}
