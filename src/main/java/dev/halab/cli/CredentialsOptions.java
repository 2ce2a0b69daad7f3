package dev.halab.cli;

import dev.halab.core.command.Secret;
import dev.halab.core.remote.Credentials;
import dev.halab.core.remote.HostKeyFingerprint;
import dev.halab.core.remote.HostKeyPrompt;
import dev.halab.core.remote.KnownHosts;
import dev.halab.core.remote.LoginPolicy;
import dev.halab.core.remote.ShellFactory;
import dev.halab.core.remote.SshConnector;
import dev.halab.core.topology.Topology;
import dev.halab.lab.LabLogins;
import dev.halab.lab.LocalLab;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the CLI logs in to the hosts: options, then the environment ({@code HALAB_SSH_PASSWORD},
 * {@code HALAB_SUDO_PASSWORD}), then the shared {@link LoginPolicy} (the local lab's own key and
 * known_hosts for its profiles, else the user's default keys), then a prompt without echo. Never
 * from the profile.
 */
public final class CredentialsOptions {
    static final String BUNDLE = "install";

    @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "Login user (default: root). A non-root user needs sudo.")
    String user;

    @Option(names = {"-i", "--identity"}, paramLabel = "FILE", description = "OpenSSH private key file (ed25519 or RSA); may be repeated.")
    List<Path> identities = new ArrayList<>();

    @Option(names = "--password-stdin", description = "Read the SSH (and sudo) password from the first line of standard input.")
    boolean passwordFromStdin;

    @Option(names = "--ask-password", description = "Ask for the SSH (and sudo) password on the terminal, without echo.")
    boolean askPassword;

    @Option(names = "--trust-new-host-keys", description = "Trust host keys seen for the first time (fingerprints are printed). A changed key is still refused.")
    boolean trustNewHostKeys;

    @Option(names = "--known-hosts", paramLabel = "FILE", description = "HA Lab's trust store of SSH host keys (default: known_hosts in "
            + "%%APPDATA%%\\halab on Windows, ~/Library/Application Support/halab on macOS, $XDG_CONFIG_HOME/halab or ~/.config/halab on Linux).")
    Path knownHostsFile;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    private CliText texts() {
        return CliText.of(mixee);
    }

    /**
     * Builds the shell factory, or returns empty after printing why (e.g. the lab is not up).
     * {@code yes} (no confirmations) deliberately does not reach the host-key prompt.
     */
    Optional<ShellFactory> shells(Topology topology, boolean yes, PrintWriter out, PrintWriter err) {
        try {
            Optional<Credentials> credentials = credentials(topology, err);
            if (credentials.isEmpty()) {
                return Optional.empty();
            }
            KnownHosts knownHosts = LoginPolicy.knownHosts(topology, knownHostsFile, LabLogins.DEFAULT);
            SshConnector connector = new SshConnector(knownHosts, hostKeyPrompt(out), Duration.ofSeconds(10));
            return Optional.of(ShellFactory.ssh(connector, credentials.get()));
        } catch (LoginPolicy.LoginException e) {
            err.println(texts().error(e.text()));
            err.flush();
            return Optional.empty();
        }
    }

    /**
     * Options, then the environment, then {@link LoginPolicy}; when the policy finds nothing to log
     * in with, ask for a password as ssh would.
     */
    Optional<Credentials> credentials(Topology topology, PrintWriter err) throws LoginPolicy.LoginException {
        Map<String, String> env = System.getenv();
        String login = user != null ? user : "root";
        Secret password = null;
        try {
            if (passwordFromStdin) {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                String line = in.readLine();
                if (line == null) {
                    err.println(texts().error(texts().text(BUNDLE, "cli.noStdinPassword")));
                    err.flush();
                    return Optional.empty();
                }
                password = Secret.of(line);
            } else if (askPassword) {
                password = readPassword(texts().text(BUNDLE, "cli.passwordPrompt", login), err);
                if (password == null) {
                    return Optional.empty();
                }
            } else if (env.get("HALAB_SSH_PASSWORD") != null) {
                password = Secret.of(env.get("HALAB_SSH_PASSWORD"));
            }
        } catch (IOException e) {
            err.println(texts().error(e.getMessage()));
            err.flush();
            return Optional.empty();
        }
        Secret sudo = env.get("HALAB_SUDO_PASSWORD") != null ? Secret.of(env.get("HALAB_SUDO_PASSWORD")) : null;
        LoginPolicy.Given given = new LoginPolicy.Given(login, identities, password, sudo);
        try {
            return Optional.of(LoginPolicy.credentials(topology, given, LabLogins.DEFAULT, LoginPolicy.userSshDir()));
        } catch (LoginPolicy.LoginException e) {
            if (e.kind() != LoginPolicy.Kind.NOTHING_TO_LOG_IN_WITH || System.console() == null) {
                throw e;
            }
            Secret typed = readPassword(texts().text(BUNDLE, "cli.passwordPrompt", login), err);
            return typed == null ? Optional.empty()
                    : Optional.of(LoginPolicy.credentials(topology, new LoginPolicy.Given(login, List.of(), typed, sudo),
                            LabLogins.DEFAULT, LoginPolicy.userSshDir()));
        }
    }

    private Secret readPassword(String prompt, PrintWriter err) {
        Console console = System.console();
        if (console == null) {
            err.println(texts().error(texts().text(BUNDLE, "cli.noConsole")));
            err.flush();
            return null;
        }
        char[] typed = console.readPassword("%s", prompt);
        if (typed == null) {
            return null;
        }
        Secret secret = Secret.of(typed);
        java.util.Arrays.fill(typed, '\0');
        return secret;
    }

    /** The local lab, when the profile is the local-lab one (it has a {@code lab} section). */
    static Optional<LocalLab> localLab(Topology topology) {
        return LoginPolicy.isLocalLab(topology) ? Optional.of(LocalLab.fromDefaultProfile()) : Optional.empty();
    }

    /**
     * Only --trust-new-host-keys trusts a key seen for the first time; --yes skips confirmations
     * but must not silently accept whatever machine answers at an address.
     */
    HostKeyPrompt hostKeyPrompt(PrintWriter out) {
        return prompt(trustNewHostKeys, out, texts());
    }

    private static HostKeyPrompt prompt(boolean trustNew, PrintWriter out, CliText texts) {
        return (target, keys) -> {
            synchronized (CredentialsOptions.class) {
                out.println(texts.text(BUNDLE, "cli.newHostKey", target.name(), target.address()));
                for (HostKeyFingerprint key : keys) {
                    out.println("    " + key);
                }
                out.flush();
                if (trustNew) {
                    out.println(texts.text(BUNDLE, "cli.trusted"));
                    out.flush();
                    return true;
                }
                Console console = System.console();
                if (console == null) {
                    return false;
                }
                String answer = console.readLine("%s", texts.text(BUNDLE, "cli.trustQuestion"));
                return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes")
                        || answer.trim().equals("是"));
            }
        };
    }

    static boolean confirm(String question, PrintWriter err, CliText texts) {
        Console console = System.console();
        if (console == null) {
            err.println(texts.error(texts.text(BUNDLE, "cli.confirmNeedsYes")));
            err.flush();
            return false;
        }
        String answer = console.readLine("%s", question);
        return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes") || answer.trim().equals("是"));
    }
}
