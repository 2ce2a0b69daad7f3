package dev.halab.gui.wizard;

import dev.halab.core.event.RunEvent;
import dev.halab.core.event.RunListener;
import dev.halab.core.facts.Manifest;
import dev.halab.core.plan.InstallEngine;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.fakehost.Exchange;
import dev.halab.fakehost.ScriptedHosts;
import dev.halab.fakehost.Transcript;
import dev.halab.gui.HeadlessWindowTest;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host whose HA Lab manifest is damaged, or gone while HA Lab's backups are still there, shows
 * on the pre-flight page as a failed check of its own (what is wrong and what to do, in English
 * and Chinese), and Install cannot be reached. The events are the real engine's pre-flight,
 * replayed from the recorded re-run transcript with nginx1's manifest changed.
 */
class ManifestPreflightRowTest extends HeadlessWindowTest {
    private static final String NGINX1 = "nginx1";

    @Override
    protected double width() {
        return 1300;
    }

    @Override
    protected double height() {
        return 900;
    }

    @Test
    void anEditedManifestIsAFailedRowSayingWhatToDoAndInstallStaysClosed(FxRobot robot) throws Exception {
        Transcript recorded = Transcript.load("rerun");
        String edited = new String(manifestOf(recorded).toBytes(), StandardCharsets.UTF_8).replace("\"nginx\"", "\"libc-bin\"");
        scripted.preflightEvents.addAll(enginePreflight(withNginx1Manifest(recorded, edited.getBytes(StandardCharsets.UTF_8))));
        goToPreflight(robot);

        assertThat(line(robot, NGINX1, "manifest")).isEqualTo("false HA Lab's record of its changes: nginx1: HA Lab's record of "
                + "what it changed there (/var/lib/halab/manifest.json) is damaged: its checksum does not match its content "
                + "(edited or partly overwritten). Nothing was changed and no backup was touched. The originals of the files HA Lab "
                + "replaced are under /var/backups/halab: put them back by hand, then remove /var/lib/halab/manifest.json and "
                + "/var/backups/halab and run again.");
        // the message is the row, not repeated under the card
        assertThat(messages(robot, NGINX1)).isEmpty();
        assertThat(line(robot, "nginx2", "manifest")).startsWith("true HA Lab's record of its changes: Intact (/var/lib/halab/manifest.json, ");
        assertThat(robot.lookup("#preflight-status").queryLabeled().getText()).isEqualTo("Failed");
        assertThat(robot.lookup("#next").queryButton().isDisabled()).isTrue();

        robot.clickOn("#language");
        robot.clickOn("简体中文");
        assertThat(line(robot, NGINX1, "manifest")).startsWith("false HA Lab 的更改记录: nginx1：HA Lab 对其所做更改的记录"
                + "（/var/lib/halab/manifest.json）已损坏：它的校验和与内容不符").contains("请手工放回");
        robot.clickOn("#language");
        robot.clickOn("English");
    }

    @Test
    void aManifestGoneWhileBackupsRemainIsAFailedRow(FxRobot robot) throws Exception {
        scripted.preflightEvents.addAll(enginePreflight(withNginx1Manifest(Transcript.load("rerun"), null)));
        goToPreflight(robot);

        assertThat(line(robot, NGINX1, "manifest")).startsWith("false HA Lab's record of its changes: nginx1: HA Lab's record of "
                + "what it changed there (/var/lib/halab/manifest.json) is missing, but its backups are still there "
                + "(/var/backups/halab).").contains("Put the originals under /var/backups/halab back by hand");
        assertThat(robot.lookup("#next").queryButton().isDisabled()).isTrue();
    }

    /** The events of the real engine's pre-flight against the transcript's hosts. */
    private static List<RunEvent> enginePreflight(Transcript transcript) throws Exception {
        List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
        ScriptedHosts hosts = new ScriptedHosts(transcript);
        new InstallEngine(hosts).preflight(ProfileLoader.load("local-lab"), (RunListener) events::add);
        assertThat(hosts.problems()).isEmpty();
        return List.copyOf(events);
    }


    /** "passed title: detail" of one check row of a host's card. */
    private static String line(FxRobot robot, String host, String checkId) {
        Node card = robot.lookup("#preflight-" + host).query();
        HBox row = robot.from(card).lookup("#check-" + checkId).query();
        List<Node> texts = ((VBox) row.getChildren().get(1)).getChildren();
        return row.getStyleClass().contains("check-passed") + " " + ((Label) texts.get(0)).getText() + ": "
                + ((Label) texts.get(1)).getText();
    }

    /** The lines of a host's card that belong to no check. */
    private static List<String> messages(FxRobot robot, String host) {
        Node card = robot.lookup("#preflight-" + host).query();
        VBox checks = robot.from(card).lookup(".preflight-checks").query();
        return checks.getChildren().stream().filter((Predicate<Node>) n -> n instanceof Label).map(n -> ((Label) n).getText()).toList();
    }

    private static Manifest manifestOf(Transcript transcript) {
        String line = transcript.exchanges(NGINX1).get(0).stdout().lines().filter(l -> l.startsWith("manifest\t")).findFirst()
                .orElseThrow(() -> new AssertionError("the recorded probe has no manifest line"));
        return Manifest.read(Base64.getDecoder().decode(line.substring("manifest\t".length()).trim()));
    }

    /** The transcript with nginx1's first probe reporting another manifest (null: none, backups still there). */
    private static Transcript withNginx1Manifest(Transcript transcript, byte[] manifest) {
        List<Exchange> exchanges = new ArrayList<>(transcript.exchanges(NGINX1));
        Exchange probe = exchanges.get(0);
        StringBuilder out = new StringBuilder();
        for (String l : probe.stdout().split("\n", -1)) {
            if (l.startsWith("manifest\t")) {
                continue;
            }
            if (l.startsWith("end\t") && manifest != null) {
                out.append("manifest\t").append(Base64.getEncoder().encodeToString(manifest)).append('\n');
            }
            if (l.startsWith("file\t") && l.endsWith("\t" + Manifest.BACKUP_ROOT) && manifest == null) {
                out.append("file\tother\t").append(Manifest.BACKUP_ROOT).append('\n');
                continue;
            }
            out.append(l).append('\n');
        }
        exchanges.set(0, Exchange.command(probe.host(), probe.command(), probe.exit(), out.toString().replaceAll("\n+$", "\n"),
                probe.stderr()));
        Map<String, List<Exchange>> hosts = new LinkedHashMap<>(transcript.byHost());
        hosts.put(NGINX1, exchanges);
        return new Transcript(hosts);
    }
}
