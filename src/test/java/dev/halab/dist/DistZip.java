package dev.halab.dist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * A download zip as a user's unzip tool sees it: entry names, contents, and the Unix file modes
 * recorded in the central directory (which {@link ZipFile} does not expose).
 */
final class DistZip {
    private final Path file;
    private final Map<String, Integer> modes;

    private DistZip(Path file, Map<String, Integer> modes) {
        this.file = file;
        this.modes = modes;
    }

    static DistZip read(Path file) throws IOException {
        return new DistZip(file, unixModes(Files.readAllBytes(file)));
    }

    Set<String> names() {
        return modes.keySet();
    }

    /** The single top folder every entry sits in, with its slash. */
    String rootFolder() {
        String first = modes.keySet().iterator().next();
        String root = first.substring(0, first.indexOf('/') + 1);
        if (root.isEmpty() || !modes.keySet().stream().allMatch(n -> n.startsWith(root))) {
            throw new AssertionError(file + " does not keep everything in one folder");
        }
        return root;
    }

    int unixMode(String name) {
        return modes.getOrDefault(name, 0);
    }

    byte[] bytes(String name) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile()); InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return in.readAllBytes();
        }
    }

    /** Every native library inside the zip's jars (and the zip itself), with what it is built for. */
    Map<String, NativeBinary> nativeLibraries() throws IOException {
        Map<String, NativeBinary> found = new TreeMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : List.copyOf(zip.stream().toList())) {
                if (NativeBinary.isNativeLibraryName(entry.getName())) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        found.put(entry.getName(), NativeBinary.of(in.readAllBytes()));
                    }
                } else if (entry.getName().endsWith(".jar")) {
                    try (ZipInputStream jar = new ZipInputStream(zip.getInputStream(entry))) {
                        for (ZipEntry inner; (inner = jar.getNextEntry()) != null; ) {
                            if (NativeBinary.isNativeLibraryName(inner.getName())) {
                                found.put(entry.getName() + "!/" + inner.getName(), NativeBinary.of(jar.readAllBytes()));
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Unpacks like unzip does, applying the recorded modes; returns the top folder. */
    Path extractTo(Path target) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("entry outside the folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, out);
                }
                int mode = unixMode(entry.getName());
                if (mode != 0) {
                    Files.setPosixFilePermissions(out, permissions(mode));
                }
            }
        }
        return target.resolve(rootFolder());
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
                PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(order[bit]);
            }
        }
        return permissions;
    }

    /** Reads the central directory: name -> Unix mode (0 when the entry has none). */
    private static Map<String, Integer> unixModes(byte[] zip) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int end = zip.length - 22;
        while (end >= 0 && buffer.getInt(end) != 0x06054b50) {
            end--;
        }
        if (end < 0) {
            throw new IOException("not a zip file");
        }
        int count = buffer.getShort(end + 10) & 0xFFFF;
        int at = buffer.getInt(end + 16);
        Map<String, Integer> modes = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            if (buffer.getInt(at) != 0x02014b50) {
                throw new IOException("damaged central directory");
            }
            int madeBy = (buffer.getShort(at + 4) & 0xFFFF) >> 8;
            int nameLength = buffer.getShort(at + 28) & 0xFFFF;
            int extraLength = buffer.getShort(at + 30) & 0xFFFF;
            int commentLength = buffer.getShort(at + 32) & 0xFFFF;
            int external = buffer.getInt(at + 38);
            String name = new String(zip, at + 46, nameLength, java.nio.charset.StandardCharsets.UTF_8);
            modes.put(name, madeBy == 3 ? (external >>> 16) & 0777 : 0);
            at += 46 + nameLength + extraLength + commentLength;
        }
        return modes;
    }
}
