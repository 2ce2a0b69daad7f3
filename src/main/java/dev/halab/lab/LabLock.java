package dev.halab.lab;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Serialises the lab's lifecycle actions: a lock in this JVM and an exclusive lock on
 * {@code STATE_DIR.lock}, so a benchmark and a test run never interleave their changes.
 */
final class LabLock {

    private static final Object JVM_LOCK = new Object();

    private LabLock() {
    }

    static void run(Path stateDir, Runnable action) {
        synchronized (JVM_LOCK) {
            Path lockFile = stateDir.resolveSibling(stateDir.getFileName() + ".lock");
            Files2.createPrivateDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                action.run();
            } catch (IOException e) {
                throw new LabException(LabMessages.text("error.io.lock", lockFile, e.getMessage()), e);
            }
        }
    }
}
