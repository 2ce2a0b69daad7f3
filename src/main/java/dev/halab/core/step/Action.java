package dev.halab.core.step;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.facts.Manifest;
import dev.halab.core.facts.PackageManager;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.template.GeneratedFile;

import java.util.ArrayList;
import java.util.List;

/**
 * One thing a step needs done, as data. The runner carries it out (with backups, the manifest
 * and rollback); dry run only shows {@link #display()}.
 */
public sealed interface Action {

    /**
     * Shown in a dry run (the Review page, {@code halab plan}): what this action would do, one line
     * each, as text a front end renders in its language. Commands appear as written, secrets masked
     * ({@link RemoteCommand#display()}).
     */
    List<LocalizedText> display();

    /** A command as it is shown: the same in every language, secrets masked. */
    static LocalizedText shown(RemoteCommand command) {
        return LocalizedText.asWritten(command.display());
    }

    /** A command; {@code startsService} names the service it starts (so a pending restart is not needed). */
    record Run(RemoteCommand command, String startsService) implements Action {
        public static Run of(RemoteCommand command) {
            return new Run(command, null);
        }

        @Override
        public List<LocalizedText> display() {
            return List.of(shown(command));
        }
    }

    /** Installs packages that are missing; refreshes the package lists first when they are absent. */
    record InstallPackages(PackageManager manager, List<String> packages, boolean updateFirst) implements Action {
        public InstallPackages {
            packages = List.copyOf(packages);
        }

        public RemoteCommand update() {
            return manager.update();
        }

        public RemoteCommand install() {
            return manager.install(packages);
        }

        /** Finishes an installation an earlier run (or anyone) left cut short; nothing otherwise. */
        public RemoteCommand repair() {
            return manager.repairInterrupted();
        }

        /** Read-only: which packages {@link #install()} would add, recorded on the host before it runs. */
        public RemoteCommand simulate() {
            return manager.simulateInstall(packages);
        }

        /** Every command in the order the install runs them; the simulation is shown as read-only. */
        @Override
        public List<LocalizedText> display() {
            List<LocalizedText> lines = new ArrayList<>();
            lines.add(shown(repair()));
            if (updateFirst) {
                lines.add(shown(update()));
            }
            lines.add(StepTexts.text("action.simulate", simulate().display()));
            lines.add(shown(install()));
            return lines;
        }
    }

    /**
     * Writes a generated file: staged beside its target, checked, previous version backed up,
     * moved into place. {@code currentChecksum} is the target's sha256 now, or "absent".
     */
    record PutFile(GeneratedFile file, String currentChecksum, Validator validator) implements Action {
        @Override
        public List<LocalizedText> display() {
            List<LocalizedText> lines = new ArrayList<>();
            lines.add(StepTexts.text("action.upload", file.path(), file.modeOctal(), file.content().length(), stagedPath(file.path())));
            validator.stagedCheck(stagedPath(file.path())).ifPresent(c -> lines.add(shown(c)));
            lines.add(StepTexts.text("action.backUp", file.path(), Manifest.BACKUP_ROOT, stagedPath(file.path())));
            validator.inPlaceCheck().ifPresent(c -> lines.add(shown(c)));
            return lines;
        }
    }

    /** Moves a file out of the way into the run's backup folder (kept, restored by uninstall). */
    record MoveAside(String path) implements Action {
        @Override
        public List<LocalizedText> display() {
            return List.of(StepTexts.text("action.moveAside", path, Manifest.BACKUP_ROOT));
        }
    }

    /** Asks for a handler to run at the end of the phase. */
    record Notify(Handler handler) implements Action {
        @Override
        public List<LocalizedText> display() {
            return List.of(StepTexts.text("action.notify", StepTexts.text("action.handler." + handler.name())));
        }
    }

    /**
     * Records on the host, before the actions after it run, how {@code uninstall} undoes them
     * (a firewall rule, a sysctl setting): kept in the manifest, run by uninstall newest first.
     */
    record RecordUndo(RemoteCommand undo) implements Action {
        public RecordUndo {
            if (undo.parts().stream().anyMatch(p -> !(p instanceof String))) {
                throw new IllegalArgumentException("an undo command is kept on the host as plain words: " + undo.display());
            }
        }

        /** The command as the manifest keeps it. */
        public List<String> argv() {
            return undo.parts().stream().map(String.class::cast).toList();
        }

        @Override
        public List<LocalizedText> display() {
            return List.of(StepTexts.text("action.recordUndo", undo.display()));
        }
    }

    /** The staged copy's name: hidden (leading dot) so nginx's {@code sites-enabled/*} does not load it. */
    public static String stagedPath(String path) {
        int slash = path.lastIndexOf('/');
        return path.substring(0, slash + 1) + "." + path.substring(slash + 1) + ".halab-new";
    }
}
