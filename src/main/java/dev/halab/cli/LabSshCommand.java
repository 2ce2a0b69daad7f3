package dev.halab.cli;

import dev.halab.lab.LocalLab;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Opens a real SSH session (OpenSSH client) as root with the lab key, checking the host key
 * against the lab's known_hosts file, so it exercises the same path users and the installer take.
 */
@Command(name = "ssh", mixinStandardHelpOptions = true)
final class LabSshCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST", descriptionKey = "host")
    String host;

    @Parameters(index = "1..*", paramLabel = "CMD", arity = "0..*", descriptionKey = "command")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() {
        return LabCommand.guarded(spec, () -> {
            LocalLab lab = LocalLab.fromDefaultProfile();
            Process ssh = new ProcessBuilder(sshArgv(lab, host, command)).inheritIO().start();
            return ssh.waitFor();
        });
    }

    static List<String> sshArgv(LocalLab lab, String host, List<String> command) {
        List<String> argv = new ArrayList<>(List.of("ssh", "-i", lab.sshPrivateKey().toString(),
                "-o", "IdentitiesOnly=yes",
                "-o", "UserKnownHostsFile=" + lab.knownHostsFile(),
                "-o", "StrictHostKeyChecking=yes",
                "-o", "BatchMode=yes",
                "-o", "ConnectTimeout=5",
                "root@" + lab.address(host)));
        if (!command.isEmpty()) {
            argv.add("--");
            argv.addAll(command);
        }
        return argv;
    }
}
