package dev.halab.core.remote;

/** Where a host's sshd listens; {@code name} is the host's name in the topology. */
public record SshTarget(String name, String address, int port) {
    public static final int DEFAULT_PORT = 22;

    public static SshTarget of(String name, String address) {
        return new SshTarget(name, address, DEFAULT_PORT);
    }

    /** The key under which host keys are stored: the address, plus the port when it is not 22. */
    public String knownHostsKey() {
        return port == DEFAULT_PORT ? address : "[" + address + "]:" + port;
    }
}
