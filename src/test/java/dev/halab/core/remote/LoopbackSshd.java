package dev.halab.core.remote;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH server on 127.0.0.1 and a free port, with its own host keys (ed25519, ECDSA,
 * RSA) and an authorized client key, for transport tests without the lab. Started as a child
 * process and ended by its own handle; it never listens beyond loopback.
 */
final class LoopbackSshd implements AutoCloseable {
    static final Path SSHD = Path.of("/usr/sbin/sshd");

    final Path dir;
    final int port;
    final Path clientKey;
    private final Process process;

    private LoopbackSshd(Path dir, int port, Path clientKey, Process process) {
        this.dir = dir;
        this.port = port;
        this.clientKey = clientKey;
        this.process = process;
    }

    static boolean available() {
        return Files.isExecutable(SSHD) && "root".equals(System.getProperty("user.name"));
    }

    static LoopbackSshd start(Path dir) throws Exception {
        for (String type : List.of("ed25519", "ecdsa", "rsa")) {
            keygen(dir.resolve("host_" + type), type);
        }
        Path client = dir.resolve("client_ed25519");
        keygen(client, "ed25519");
        Path authorized = dir.resolve("authorized_keys");
        Files.copy(dir.resolve("client_ed25519.pub"), authorized);
        Files.createDirectories(Path.of("/run/sshd"));
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "ListenAddress 127.0.0.1",
                "Port " + port,
                "HostKey " + dir.resolve("host_ed25519"),
                "HostKey " + dir.resolve("host_ecdsa"),
                "HostKey " + dir.resolve("host_rsa"),
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + authorized,
                "PermitRootLogin yes",
                "PasswordAuthentication yes",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",
                "") + "\n");
        Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                return new LoopbackSshd(dir, port, client, process);
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("sshd exited: " + Files.readString(dir.resolve("sshd.log")));
                }
                Thread.sleep(50);
            }
        }
        process.destroy();
        throw new IllegalStateException("sshd did not listen on " + port);
    }

    SshTarget target() {
        return new SshTarget("loopback", "127.0.0.1", port);
    }

    /** The host's public key lines ({@code TYPE BASE64 COMMENT}), as on the server's disk. */
    List<String> hostPublicKeys() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String type : List.of("ed25519", "ecdsa", "rsa")) {
            lines.add(Files.readString(dir.resolve("host_" + type + ".pub")).strip());
        }
        return lines;
    }

    static void keygen(Path file, String type) throws Exception {
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", type, "-N", "", "-C", "halab-test", "-f", file.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("ssh-keygen failed for " + file);
        }
    }

    /** {@code ssh-keygen -lf}'s fingerprint of a public key file, e.g. {@code SHA256:abc...}. */
    static String fingerprintByOpenSsh(Path publicKey) throws Exception {
        Process p = new ProcessBuilder("ssh-keygen", "-l", "-E", "sha256", "-f", publicKey.toString()).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        p.waitFor();
        return out.split("\\s+")[1];
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
