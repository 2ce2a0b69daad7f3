package dev.halab.cli;

import dev.halab.core.template.GeneratedFile;
import dev.halab.core.template.HostFiles;
import dev.halab.core.topology.Problem;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.TopologyValidator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.io.PrintWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code halab render --profile P --out DIR}: writes every file each host would get to
 * {@code DIR/<host>/<path on the host>}, for review or for copying by hand. Writes nothing if
 * the profile has errors.
 */
@Command(name = "render", mixinStandardHelpOptions = true)
public final class RenderCommand implements Callable<Integer> {

    @CommandLine.Mixin
    ProfileOption profile;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Optional<Topology> topology = profile.load(stderr);
        if (topology.isEmpty()) {
            return HalabCommand.EXIT_INVALID;
        }
        List<Problem> problems = TopologyValidator.validate(topology.get());
        ProfileOption.print(problems, stdout, texts());
        if (TopologyValidator.hasErrors(problems)) {
            stderr.println(texts().error(texts().text("cli", "render.refused", profile.value())));
            stderr.flush();
            return HalabCommand.EXIT_INVALID;
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            stderr.println(texts().error(texts().text("cli", "render.outNotFolder", out)));
            stderr.flush();
            return HalabCommand.EXIT_INVALID;
        }
        Map<String, List<GeneratedFile>> files = HostFiles.forAllHosts(topology.get());
        // Checked for every file before the first is written, so a planted link changes nothing.
        for (Map.Entry<String, List<GeneratedFile>> host : files.entrySet()) {
            for (GeneratedFile file : host.getValue()) {
                Optional<Path> link = OutputPaths.firstLinkBelow(out, target(host.getKey(), file));
                if (link.isPresent()) {
                    stderr.println(texts().error(texts().cli("out.symlink", link.get())));
                    stderr.flush();
                    return HalabCommand.EXIT_INVALID;
                }
            }
        }
        int count = 0;
        try {
            for (Map.Entry<String, List<GeneratedFile>> host : files.entrySet()) {
                for (GeneratedFile file : host.getValue()) {
                    Path target = target(host.getKey(), file);
                    Files.createDirectories(target.getParent());
                    try (OutputStream stream = Files.newOutputStream(target, LinkOption.NOFOLLOW_LINKS,
                            StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                        stream.write(file.content().getBytes(StandardCharsets.UTF_8));
                    }
                    setMode(target, file.mode());
                    stdout.println(texts().text("cli", "render.wrote", target, file.modeOctal()));
                    count++;
                }
            }
        } catch (IOException e) {
            stderr.println(texts().error(texts().text("cli", "render.writeFailed", out, String.valueOf(e.getMessage()))));
            stderr.flush();
            return HalabCommand.EXIT_FAILED;
        }
        stdout.println(texts().text("cli", "render.done", count, files.size(), out));
        stdout.flush();
        return 0;
    }

    private Path target(String host, GeneratedFile file) {
        return out.resolve(host).resolve(file.path().substring(1));
    }

    private static void setMode(Path file, int mode) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
                PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                permissions.add(bits[i]);
            }
        }
        Files.setPosixFilePermissions(file, permissions);
    }

    private CliText texts() {
        return CliText.of(spec);
    }
}
