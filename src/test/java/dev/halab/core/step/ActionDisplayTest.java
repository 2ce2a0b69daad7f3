package dev.halab.core.step;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.command.Secret;
import dev.halab.core.i18n.Bundles;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.template.GeneratedFile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a dry run shows for an action is text as data: the same action reads in English or in
 * Chinese depending on who renders it, and a secret in a command stays masked in both.
 */
class ActionDisplayTest {
    private static final String HAN = "\\p{IsHan}";

    private static List<String> shown(Action action, Locale locale) {
        return action.display().stream().map(line -> line.render(locale)).toList();
    }

    @Test
    void anUploadReadsInTheLanguageItIsRenderedIn() {
        Action put = new Action.PutFile(new GeneratedFile("/etc/keepalived/keepalived.conf", "vrrp_instance VI_1 {}\n", 0644),
                "absent", Validator.KEEPALIVED);

        List<LocalizedText> lines = put.display();

        assertThat(shown(put, Locale.ENGLISH)).first().asString()
                .isEqualTo("upload /etc/keepalived/keepalived.conf (0644, 22 bytes) as /etc/keepalived/.keepalived.conf.halab-new");
        assertThat(lines.get(0).render(Bundles.CHINESE)).containsPattern(HAN).doesNotContain("upload")
                .contains("/etc/keepalived/keepalived.conf", "0644", "22", "/etc/keepalived/.keepalived.conf.halab-new");
        assertThat(shown(put, Bundles.CHINESE)).anyMatch(l -> l.contains("备份")).noneMatch(l -> l.startsWith("back up"));
    }

    @Test
    void movesNotificationsAndUndoRecordsAreTranslatedToo() {
        List<Action> actions = List.of(new Action.MoveAside("/etc/nginx/sites-enabled/default"),
                new Action.Notify(Handler.RELOAD_NGINX),
                new Action.RecordUndo(RemoteCommand.of("ufw", "delete", "allow", "proto", "vrrp")));

        assertThat(actions).extracting(a -> shown(a, Locale.ENGLISH).get(0)).containsExactly(
                "move /etc/nginx/sites-enabled/default to /var/backups/halab/<run>/etc/nginx/sites-enabled/default",
                "notify handler reload nginx",
                "record for uninstall: ufw delete allow proto vrrp");
        assertThat(actions).extracting(a -> shown(a, Bundles.CHINESE).get(0)).allMatch(l -> l.matches("(?s).*" + HAN + ".*"))
                .noneMatch(l -> l.startsWith("move") || l.startsWith("notify") || l.startsWith("record"));
    }

    @Test
    void aSecretInACommandStaysMaskedInEveryLanguage() {
        Action run = Action.Run.of(RemoteCommand.of("chpasswd-like", "--user", "lab", Secret.of("hunter2 secret")).asRoot());

        for (Locale locale : List.of(Locale.ENGLISH, Bundles.CHINESE)) {
            assertThat(shown(run, locale)).singleElement().asString()
                    .isEqualTo("sudo chpasswd-like --user lab ******").doesNotContain("hunter2");
        }
        assertThat(run.display().toString()).doesNotContain("hunter2");
    }
}
