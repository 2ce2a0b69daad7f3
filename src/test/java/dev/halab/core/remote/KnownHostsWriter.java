package dev.halab.core.remote;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A second process writing the trust store (as the CLI would while the GUI runs); see {@link KnownHostsTest}. */
public final class KnownHostsWriter {
    private KnownHostsWriter() {
    }

    public static void main(String[] args) throws IOException {
        System.in.read(); // the start signal
        write(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    }

    static void write(Path file, int writer, int count) {
        for (int i = 0; i < count; i++) {
            new KnownHosts(file).trust(host(writer, i), List.of(KnownHostsTest.key(writer * 1000 + i)));
        }
    }

    static String host(int writer, int i) {
        return "10.0." + writer + "." + i;
    }
}
