package dev.halab.core.remote;

import dev.halab.core.command.Secret;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.core.topology.Topology;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One login rule for the CLI and the GUI; a login that cannot be decided is an error, never a guess. */
class LoginPolicyTest {
    static Topology tutorial;
    static Topology lab;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        tutorial = ProfileLoader.load("tutorial");
        lab = ProfileLoader.load("local-lab");
    }

    private Path file(String name) throws Exception {
        Files.createDirectories(dir.resolve(name).getParent());
        return Files.writeString(dir.resolve(name), "x");
    }

    private LoginPolicy.LabLocator labAt(Path stateDir) {
        return () -> new LoginPolicy.LabLogin(stateDir.resolve("id_ed25519"), stateDir.resolve("known_hosts"));
    }

    private static LoginPolicy.Given nothing() {
        return new LoginPolicy.Given(null, List.of(), null, null);
    }

    private static final LoginPolicy.LabLocator NO_LAB = () -> {
        throw new AssertionError("the lab is not consulted for this profile");
    };

    @Test
    void whatTheUserGaveWinsOverTheLabAndTheDefaultKeys() throws Exception {
        Path mine = file("mine/key");
        file("lab/id_ed25519");
        file("ssh/id_ed25519");
        var given = new LoginPolicy.Given("deploy", List.of(mine), null, Secret.of("sudo-pw"));
        Credentials c = LoginPolicy.credentials(lab, given, labAt(dir.resolve("lab")), dir.resolve("ssh"));
        assertThat(c.user()).isEqualTo("deploy");
        assertThat(c.identityFiles()).containsExactly(mine);
        assertThat(c.passwordForSudo().orElseThrow().reveal()).isEqualTo("sudo-pw");
        var password = new LoginPolicy.Given(" ", List.of(), Secret.of("pw"), null);
        Credentials p = LoginPolicy.credentials(tutorial, password, NO_LAB, dir.resolve("ssh"));
        assertThat(p.user()).isEqualTo("root");
        assertThat(p.identityFiles()).isEmpty();
        assertThat(p.loginPassword().reveal()).isEqualTo("pw");
    }

    @Test
    void theLocalLabLogsInWithItsOwnKey() throws Exception {
        Path key = file("lab/id_ed25519");
        file("ssh/id_ed25519");
        Credentials c = LoginPolicy.credentials(lab, nothing(), labAt(dir.resolve("lab")), dir.resolve("ssh"));
        assertThat(c.user()).isEqualTo("root");
        assertThat(c.identityFiles()).containsExactly(key);
    }

    @Test
    void aLabThatIsNotUpIsAnErrorNotTheUsersKeys() throws Exception {
        file("ssh/id_ed25519");
        assertThatThrownBy(() -> LoginPolicy.credentials(lab, nothing(), labAt(dir.resolve("lab")), dir.resolve("ssh")))
                .isInstanceOfSatisfying(LoginPolicy.LoginException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LoginPolicy.Kind.LAB_NOT_UP);
                    assertThat(e.text().render(Locale.ENGLISH)).startsWith("The local lab is not up")
                            .contains(dir.resolve("lab/id_ed25519").toString()).contains("halab lab up");
                    assertThat(e.text().render(Locale.SIMPLIFIED_CHINESE)).contains("本地实验室尚未启动");
                });
        LoginPolicy.LabLocator broken = () -> {
            throw new LoginPolicy.LoginException(LoginPolicy.Kind.LAB_UNKNOWN, LoginPolicy.text("login.labUnknown", "bad"));
        };
        assertThatThrownBy(() -> LoginPolicy.credentials(lab, nothing(), broken, dir.resolve("ssh")))
                .isInstanceOfSatisfying(LoginPolicy.LoginException.class,
                        e -> assertThat(e.kind()).isEqualTo(LoginPolicy.Kind.LAB_UNKNOWN));
    }

    @Test
    void ownMachinesUseTheUsersDefaultKeysByNameOrSayThereIsNothing() throws Exception {
        Path rsa = file("ssh/id_rsa");
        Credentials c = LoginPolicy.credentials(tutorial, nothing(), NO_LAB, dir.resolve("ssh"));
        assertThat(c.identityFiles()).containsExactly(rsa);
        Path ed = file("ssh/id_ed25519");
        assertThat(LoginPolicy.credentials(tutorial, nothing(), NO_LAB, dir.resolve("ssh")).identityFiles())
                .containsExactly(ed, rsa);
        assertThatThrownBy(() -> LoginPolicy.credentials(tutorial, nothing(), NO_LAB, dir.resolve("empty")))
                .isInstanceOfSatisfying(LoginPolicy.LoginException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LoginPolicy.Kind.NOTHING_TO_LOG_IN_WITH);
                    assertThat(e.text().render(Locale.ENGLISH)).startsWith("Nothing to log in with");
                });
    }

    @Test
    void aKeyFileThatCannotBeReadIsNamed() {
        var given = new LoginPolicy.Given("root", List.of(dir.resolve("missing")), null, null);
        assertThatThrownBy(() -> LoginPolicy.credentials(tutorial, given, NO_LAB, dir))
                .isInstanceOfSatisfying(LoginPolicy.LoginException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LoginPolicy.Kind.UNREADABLE_KEY);
                    assertThat(e.text().render(Locale.ENGLISH)).contains(dir.resolve("missing").toString());
                });
    }

    @Test
    void hostKeysComeFromTheNamedFileElseTheLabsStoreForTheLab() throws Exception {
        Path named = dir.resolve("named_known_hosts");
        assertThat(LoginPolicy.knownHosts(lab, named, NO_LAB).file()).isEqualTo(named);
        assertThat(LoginPolicy.knownHosts(lab, null, labAt(dir.resolve("lab"))).file())
                .isEqualTo(dir.resolve("lab/known_hosts"));
        assertThat(LoginPolicy.knownHosts(tutorial, null, NO_LAB).file()).isEqualTo(KnownHosts.userDefault().file());
    }
}
