package dev.halab.core.report;

import dev.halab.core.failover.ChaosAction;
import dev.halab.core.failover.Outage;
import dev.halab.core.failover.ScenarioKind;
import dev.halab.core.failover.ScenarioReport;
import dev.halab.core.failover.StepResult;
import dev.halab.core.i18n.Bundles;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.plan.RunSummary;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.core.report.LabSession.ExerciseRecord;
import dev.halab.core.template.HostFiles;
import dev.halab.core.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The session record survives a restart; the report shows everything recorded, self-contained, in the chosen language. */
class ReportTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    static LabSession recorded(Path dir) {
        SessionStore store = new SessionStore(dir, Clock.fixed(T0, ZoneOffset.UTC));
        store.update("local-lab", s -> s.withInstall(LabSession.InstallRecord.of(T0, new RunSummary(true, 14, 0, 0, 0, List.of()))));
        Outage outage = new Outage(ChaosAction.STOP, T0.plusSeconds(60), Duration.ofMillis(412), 1, "NGINX-1", "NGINX-2",
                Duration.ofMillis(380), Duration.ofMillis(12));
        LocalizedText said = LocalizedText.of("failover", "step.fail.action", "nginx1", "stop");
        ScenarioReport report = new ScenarioReport(ScenarioKind.PREEMPT, "local-lab", ChaosAction.STOP, T0.plusSeconds(50), List.of(
                new StepResult("step2", said, said, said, said, true, Duration.ofSeconds(2), outage)));
        store.update("local-lab", s -> s.withScenario(LabSession.ScenarioRecord.of(report)));
        store.update("local-lab", s -> s.withExercise(new ExerciseRecord(T0.plusSeconds(120), "authMismatch", "authMismatch", true,
                List.of(new BilingualText("Split brain: VI_1 has two MASTERs", "脑裂：VI_1 有两个 MASTER")), true)));
        return new SessionStore(dir, Clock.systemUTC()).load("local-lab");
    }

    @Test
    void theRecordSurvivesARestartAndHoldsNoProfileSecrets(@TempDir Path dir) throws Exception {
        LabSession session = recorded(dir);
        assertThat(session.startedAt()).isEqualTo(T0);
        assertThat(session.installs()).hasSize(1);
        assertThat(session.scenarios().get(0).steps().get(0).outage().measuredMillis()).isEqualTo(412L);
        assertThat(session.exercises().get(0).correct()).isTrue();
        String file = Files.readString(dir.resolve("local-lab.json"));
        Topology lab = ProfileLoader.load("local-lab");
        assertThat(file).doesNotContain("auth_pass");
        if (lab.vrrp().authentication() != null) {
            assertThat(file).doesNotContain("\"" + lab.vrrp().authentication().password() + "\"");
        }
    }

    @Test
    void aBrokenRecordStartsAfreshInsteadOfFailing(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("local-lab.json"), "{not json");
        LabSession session = new SessionStore(dir, Clock.fixed(T0, ZoneOffset.UTC)).load("local-lab");
        assertThat(session.installs()).isEmpty();
        assertThat(session.startedAt()).isEqualTo(T0);
    }

    @Test
    void theReportShowsEverySectionSelfContainedInEitherLanguage(@TempDir Path dir) throws Exception {
        Topology lab = ProfileLoader.load("local-lab");
        LabSession session = recorded(dir);
        String en = ReportHtml.render(new ReportData(lab, session, "Li Lei", LocalDate.of(2026, 11, 30), Locale.ENGLISH));
        assertThat(en).contains("Li Lei", "2026-11-30", "Measured outage", "412 ms", "380 ms", "Scenario preempt",
                "data:image/svg+xml;base64,", HostFiles.KEEPALIVED_CONF, "vrrp_instance VI_1");
        assertThat(en).doesNotContain("src=\"http", "<link", "<script", "@import");
        String zh = ReportHtml.render(new ReportData(lab, session, "李雷", LocalDate.of(2026, 11, 30), Bundles.CHINESE));
        assertThat(zh).contains("实验报告", "实测中断时间", "脑裂").doesNotContain("Measured outage");
    }

    /** Seen on the printed pages of a real run: the floor's label sat on the axis's tick labels. */
    @Test
    void theTimelinesLabelsSitOnRowsOfTheirOwn(@TempDir Path dir) throws Exception {
        LabSession session = recorded(dir);
        ReportData data = new ReportData(ProfileLoader.load("local-lab"), session, "Li Lei", LocalDate.of(2026, 11, 30), Locale.ENGLISH);
        String svg = SvgCharts.timeline(session.failovers().isEmpty() ? session.scenarios().get(0).steps().get(0).outage()
                : session.failovers().get(0), data);
        java.util.regex.Matcher texts = java.util.regex.Pattern.compile("<text [^>]*y=\"([\\d.]+)\"[^>]*>([^<]*)</text>").matcher(svg);
        List<Double> ticks = new ArrayList<>();
        double floor = -1;
        double fault = -1;
        while (texts.find()) {
            double y = Double.parseDouble(texts.group(1));
            String text = texts.group(2);
            if (text.startsWith("floor")) {
                floor = y;
            } else if (text.startsWith("fault")) {
                fault = y;
            } else if (text.matches("\\d+ ms|[\\d.]+ s")) {
                ticks.add(y);
            }
        }
        assertThat(ticks).isNotEmpty();
        double tickRow = ticks.get(0);
        assertThat(floor).as("the floor's label is below the tick labels (12 px text)").isGreaterThanOrEqualTo(tickRow + 14);
        assertThat(fault).as("the fault's label is below the floor's").isGreaterThanOrEqualTo(floor + 14);
    }

    /** Seen on the printed pages: a host's heading alone at the foot of a page, its files on the next. */
    @Test
    void eachHostsHeadingStaysWithItsFirstFile(@TempDir Path dir) throws Exception {
        Topology lab = ProfileLoader.load("local-lab");
        String html = ReportHtml.render(new ReportData(lab, recorded(dir), "Li Lei", LocalDate.of(2026, 11, 30), Locale.ENGLISH));
        assertThat(html).as("the files start on a page of their own").contains("<h2 class=\"appendix\">Generated files per host</h2>");
        for (var host : lab.hosts()) {
            assertThat(html).contains("<div class=\"file\"><h3>" + host.name() + " (" + host.address() + ")</h3>");
        }
    }

    @Test
    void theZipHoldsEveryGeneratedFilePerHost(@TempDir Path dir) throws Exception {
        Topology lab = ProfileLoader.load("local-lab");
        ReportWriter.ReportFiles files = ReportWriter.write(new ReportData(lab, recorded(dir.resolve("s")), "Li Lei",
                LocalDate.now(), Locale.ENGLISH), dir.resolve("out"), null);
        assertThat(files.pdf()).isNull();
        assertThat(files.html()).exists();
        List<String> entries = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(files.zip()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.add(e.getName());
            }
        }
        assertThat(entries).contains("nginx1" + HostFiles.KEEPALIVED_CONF, "nginx2" + HostFiles.CHECK_SCRIPT, "tomcat1" + dev.halab.core.facts.Distros.REFERENCE.tomcatIndex());
        int expected = HostFiles.forAllHosts(lab).values().stream().mapToInt(List::size).sum();
        assertThat(entries).hasSize(expected);
    }

    @Test
    void neitherThePageNorTheZipShowsTheVrrpKey(@TempDir Path dir) throws Exception {
        Topology lab = ProfileLoader.load("local-lab");
        String key = lab.vrrp().authentication().password();
        ReportWriter.ReportFiles files = ReportWriter.write(new ReportData(lab, recorded(dir.resolve("s")), "Li Lei",
                LocalDate.now(), Locale.ENGLISH), dir.resolve("out"), null);
        assertThat(Files.readString(files.html())).contains("auth_pass " + dev.halab.core.topology.Authentication.MASK)
                .doesNotContain("auth_pass " + key);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(files.zip()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                assertThat(new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).as(e.getName())
                        .doesNotContain("auth_pass " + key);
            }
        }
    }

    @Test
    void aReportWithoutAStudentNameIsAClearError() {
        assertThatThrownBy(() -> new ReportData(ProfileLoader.load("local-lab"), LabSession.start("local-lab", T0), " ",
                LocalDate.now(), Locale.ENGLISH)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    }
}
