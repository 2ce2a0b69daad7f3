package dev.halab.core.step;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.facts.PackageManager;
import dev.halab.core.template.GeneratedFile;

import java.util.ArrayList;
import java.util.List;

/**
 * One thing a step needs done, as data. The runner carries it out (with backups, the manifest
 * and rollback); dry run only shows {@link #display()}.
 */
public sealed interface Action {

    /** Shown in a dry run: the commands this action would send, secrets masked. */
    List<String> display();

    /** A command; {@code startsService} names the service it starts (so a pending restart is not needed). */
    record Run(RemoteCommand command, String startsService) implements Action {
        public static Run of(RemoteCommand command) {
            return new Run(command, null);
        }

        @Override
        public List<String> display() {
            return List.of(command.display());
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

        @Override
        public List<String> display() {
            return updateFirst ? List.of(update().display(), install().display()) : List.of(install().display());
        }
    }

    /**
     * Writes a generated file: staged beside its target, checked, previous version backed up,
     * moved into place. {@code currentChecksum} is the target's sha256 now, or "absent".
     */
    record PutFile(GeneratedFile file, String currentChecksum, Validator validator) implements Action {
        @Override
        public List<String> display() {
            List<String> lines = new ArrayList<>();
            lines.add("upload " + file.path() + " (" + file.modeOctal() + ", " + file.content().length() + " bytes) as "
                    + stagedPath(file.path()));
            validator.stagedCheck(stagedPath(file.path())).ifPresent(c -> lines.add(c.display()));
            lines.add("back up " + file.path() + " under " + dev.halab.core.facts.Manifest.BACKUP_ROOT + "/<run>/, move "
                    + stagedPath(file.path()) + " into place");
            validator.inPlaceCheck().ifPresent(c -> lines.add(c.display()));
            return lines;
        }
    }

    /** Moves a file out of the way into the run's backup folder (kept, restored by uninstall). */
    record MoveAside(String path) implements Action {
        @Override
        public List<String> display() {
            return List.of("move " + path + " to " + dev.halab.core.facts.Manifest.BACKUP_ROOT + "/<run>" + path);
        }
    }

    /** Asks for a handler to run at the end of the phase. */
    record Notify(Handler handler) implements Action {
        @Override
        public List<String> display() {
            return List.of("notify handler " + handler.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
    }

    /** The staged copy's name: hidden (leading dot) so nginx's {@code sites-enabled/*} does not load it. */
    public static String stagedPath(String path) {
        int slash = path.lastIndexOf('/');
        return path.substring(0, slash + 1) + "." + path.substring(slash + 1) + ".halab-new";
    }
}
