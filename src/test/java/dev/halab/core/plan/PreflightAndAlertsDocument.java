package dev.halab.core.plan;

import dev.halab.core.failover.AlertKind;
import dev.halab.core.i18n.Bundles;
import dev.halab.core.i18n.LocalizedText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code docs/preflight-and-alerts.md} and its Chinese twin: every pre-flight check with each text
 * a student can see for it (passed, warning, failed, the one-click fix), and every alert of the
 * monitor with its title and hint, rendered from the resource bundles with the tutorial's example
 * values. {@link PreflightAndAlertsDocTest} keeps the files equal to this and checks that every
 * key of the pre-flight bundle and every alert is in it.
 */
final class PreflightAndAlertsDocument {

    /** One text a check can give: its status, bundle, key and example arguments. */
    record Outcome(PreflightCheck check, PreflightResult.Status status, String bundle, String key, Object... args) {
        LocalizedText text() {
            return LocalizedText.of(bundle, key, args);
        }
    }

    private static final String PF = "preflight";
    private static final String INSTALL = "install";
    private static final PreflightResult.Status OK = PreflightResult.Status.PASSED;
    private static final PreflightResult.Status WARN = PreflightResult.Status.WARNING;
    private static final PreflightResult.Status FAIL = PreflightResult.Status.FAILED;
    private static final String KEY = "SHA256:Jz1r0Xl2mH2Q9mJ5yVbq3kq4mZ8pWb1V5c0s7uQz3Yk";

    /** Every pre-flight text, in the order the checks run, with the tutorial's example values. */
    static List<Outcome> outcomes() {
        return List.of(
                new Outcome(PreflightCheck.SSH, OK, PF, "ssh.ok", "192.168.224.101"),
                new Outcome(PreflightCheck.SSH, FAIL, INSTALL, "remote.unreachable", "nginx1", "192.168.224.101", 22, "Connection refused"),
                new Outcome(PreflightCheck.SSH, FAIL, INSTALL, "remote.authFailed", "nginx1", "192.168.224.101", "root", "password"),
                new Outcome(PreflightCheck.SSH, FAIL, INSTALL, "remote.hostKeyUnknown", "nginx1", "192.168.224.101",
                        "ED25519 " + KEY, "~/.config/halab/known_hosts"),
                new Outcome(PreflightCheck.SSH, FAIL, INSTALL, "remote.hostKeyChanged", "nginx1", "192.168.224.101",
                        "ED25519 SHA256:p3Vb…", "ED25519 " + KEY, "192.168.224.101", "~/.config/halab/known_hosts"),
                new Outcome(PreflightCheck.MANIFEST, OK, PF, "manifest.ok", "/var/lib/halab/manifest.json", 3),
                new Outcome(PreflightCheck.MANIFEST, OK, PF, "manifest.none"),
                new Outcome(PreflightCheck.MANIFEST, FAIL, INSTALL, "manifest.damaged", "nginx1", "/var/lib/halab/manifest.json",
                        LocalizedText.of(INSTALL, "manifest.damage.checksum"), "/var/backups/halab"),
                new Outcome(PreflightCheck.MANIFEST, FAIL, INSTALL, "manifest.missing", "nginx1", "/var/lib/halab/manifest.json",
                        "/var/backups/halab"),
                new Outcome(PreflightCheck.ROOT, OK, PF, "root.ok"),
                new Outcome(PreflightCheck.ROOT, FAIL, INSTALL, "preflight.notRoot", "nginx1"),
                new Outcome(PreflightCheck.ROOT, FAIL, INSTALL, "remote.sudoNeedsPassword", "student", "nginx1"),
                new Outcome(PreflightCheck.ROOT, FAIL, INSTALL, "remote.sudoFailed", "student", "nginx1",
                        "Sorry, try again."),
                new Outcome(PreflightCheck.RELEASE, OK, PF, "os.ok", "Debian 12 (bookworm)", "tomcat10"),
                new Outcome(PreflightCheck.RELEASE, FAIL, INSTALL, "preflight.osUnsupported", "nginx1", "Debian GNU/Linux 10 (buster)",
                        "Debian 11 (bullseye), Debian 12 (bookworm), Debian 13 (trixie), Ubuntu 20.04, Ubuntu 22.04, Ubuntu 24.04, Ubuntu 26.04"),
                new Outcome(PreflightCheck.RELEASE, FAIL, INSTALL, "preflight.noApt", "nginx1", "Debian GNU/Linux 12 (bookworm)"),
                new Outcome(PreflightCheck.RELEASE, FAIL, INSTALL, "preflight.noInit", "nginx1", "Debian GNU/Linux 12 (bookworm)"),
                new Outcome(PreflightCheck.PACKAGES, OK, PF, "packages.ok", "nginx 1.22.1-9, keepalived 1:2.2.7-1+b2"),
                new Outcome(PreflightCheck.PACKAGES, FAIL, PF, "packages.missing", "tomcat1", "tomcat10", "Debian 12 (bookworm)"),
                new Outcome(PreflightCheck.PACKAGES, FAIL, PF, "packages.missingUbuntu", "tomcat1", "tomcat10", "Ubuntu 24.04"),
                new Outcome(PreflightCheck.PACKAGES, FAIL, PF, "packages.sourcesBroken", "tomcat1",
                        "Temporary failure resolving 'deb.debian.org'"),
                new Outcome(PreflightCheck.PACKAGES, WARN, PF, "packages.unchecked", "tomcat1", "apt-cache: exit 100"),
                new Outcome(PreflightCheck.INTERFACE, OK, PF, "nic.ok", "eth0"),
                new Outcome(PreflightCheck.INTERFACE, FAIL, INSTALL, "preflight.interfaceMissingDetected", "ens33", "nginx1",
                        "192.168.224.101", "eth0"),
                new Outcome(PreflightCheck.INTERFACE, FAIL, INSTALL, "preflight.interfaceMissing", "ens33", "nginx1", "lo, eth0"),
                new Outcome(PreflightCheck.DISK, OK, PF, "disk.ok", 5120),
                new Outcome(PreflightCheck.DISK, OK, PF, "disk.unknown"),
                new Outcome(PreflightCheck.DISK, FAIL, INSTALL, "preflight.disk", "tomcat1", 120, 400),
                new Outcome(PreflightCheck.VIP_FREE, OK, PF, "vip.ok", "192.168.224.150"),
                new Outcome(PreflightCheck.VIP_FREE, OK, PF, "vip.notHeld"),
                new Outcome(PreflightCheck.VIP_FREE, FAIL, INSTALL, "preflight.vipHeld", "192.168.224.150", "tomcat1"),
                new Outcome(PreflightCheck.VIP_FREE, FAIL, INSTALL, "preflight.vipAnswers", "192.168.224.150", "nginx1"),
                new Outcome(PreflightCheck.APT, OK, PF, "apt.ok"),
                new Outcome(PreflightCheck.APT, OK, INSTALL, "preflight.aptBusy", "nginx1", "unattended-upgr"),
                new Outcome(PreflightCheck.CLONES, OK, PF, "clones.ok"),
                new Outcome(PreflightCheck.CLONES, FAIL, PF, "clones.machineId", "nginx2", "nginx1", "4c4c4544004a3510804cb4c04f4e4b32"),
                new Outcome(PreflightCheck.CLONES, FAIL, PF, "clones.hostKey", "nginx2", "nginx1"),
                new Outcome(PreflightCheck.CLONES, FAIL, PF, "clones.mac", "nginx2", "eth0", "nginx1", "eth0", "00:0c:29:3e:5a:11"),
                new Outcome(PreflightCheck.CONTROLLER, OK, PF, "controller.ok", "192.168.224.1", "192.168.224.0/24", "192.168.224.150"),
                new Outcome(PreflightCheck.CONTROLLER, FAIL, PF, "controller.vipOutside", "10.0.0.150", "192.168.224.0/24", "nginx1", "eth0"),
                new Outcome(PreflightCheck.CONTROLLER, FAIL, PF, "controller.noRoute", "192.168.224.150"),
                new Outcome(PreflightCheck.CONTROLLER, FAIL, PF, "controller.otherWay", "192.168.224.150", "10.8.0.2",
                        "192.168.224.101", "192.168.224.1"),
                new Outcome(PreflightCheck.MULTICAST, OK, PF, "multicast.ok", "nginx1", "nginx2", "eth0"),
                new Outcome(PreflightCheck.MULTICAST, OK, PF, "unicast.ok", "nginx1", "nginx2", "eth0"),
                new Outcome(PreflightCheck.MULTICAST, FAIL, PF, "multicast.blocked", "nginx1", "nginx2", "eth0"),
                new Outcome(PreflightCheck.MULTICAST, FAIL, PF, "unicast.blocked", "nginx1", "nginx2", "192.168.224.101", "192.168.224.102"),
                new Outcome(PreflightCheck.MULTICAST, FAIL, PF, "multicast.sendFailed", "nginx1", "Operation not permitted"),
                new Outcome(PreflightCheck.MULTICAST, WARN, PF, "multicast.firewall", "nginx1", "nginx2", "ufw"),
                new Outcome(PreflightCheck.MULTICAST, WARN, PF, "multicast.unchecked", "nginx1", "nginx2", "timed out"),
                new Outcome(PreflightCheck.MULTICAST, WARN, PF, "multicast.noPython", "nginx2"),
                new Outcome(PreflightCheck.VRID, OK, PF, "vrid.none", "nginx1", "eth0", 4),
                new Outcome(PreflightCheck.VRID, OK, PF, "vrid.heard", "nginx1", "52 (192.168.224.9)"),
                new Outcome(PreflightCheck.VRID, FAIL, PF, "vrid.clash", "nginx1", 51, "192.168.224.9", "VI_1", 53,
                        "51 (192.168.224.9), 52 (192.168.224.12)"),
                new Outcome(PreflightCheck.VRID, OK, PF, "vrid.clashUnicast", "nginx1", 51, "192.168.224.9", "51 (192.168.224.9)"),
                new Outcome(PreflightCheck.VRID, WARN, PF, "vrid.noPython", "nginx1"));
    }

    /** The one-click fixes a failed check can offer ({@code Remedy}), by check. */
    static List<Outcome> remedies() {
        return List.of(
                new Outcome(PreflightCheck.MULTICAST, FAIL, PF, "remedy.unicast"),
                new Outcome(PreflightCheck.VRID, FAIL, PF, "remedy.vrid", "VI_1", 53));
    }

    /** One alert as a student sees it: the title, and the hint ({@code hint} or another variant) with its arguments. */
    record AlertExample(AlertKind kind, Object[] titleArgs, String hint, Object[] hintArgs) {
        LocalizedText title() {
            return LocalizedText.of("failover", kind.key() + ".title", titleArgs);
        }

        LocalizedText hintText() {
            return LocalizedText.of("failover", kind.key() + "." + hint, hintArgs);
        }
    }

    /** Every alert with example arguments, as the monitor makes them ({@code Invariants}, {@code TaskGuard}, {@code KeepalivedComplaints}). */
    static List<AlertExample> alerts() {
        List<AlertExample> all = new ArrayList<>();
        for (AlertKind kind : AlertKind.values()) {
            switch (kind) {
                case SPLIT_BRAIN -> all.add(alert(kind, args("VI_1", 51, "nginx1, nginx2"), "hint", args(51)));
                case NO_MASTER -> all.add(alert(kind, args("VI_1", "192.168.224.150"), "hint", args()));
                case VIP_ON_NON_MASTER -> {
                    all.add(alert(kind, args("192.168.224.150", "nginx2", "BACKUP"), "hint", args("nginx2")));
                    all.add(alert(kind, args("192.168.224.150", "nginx1", "STOPPED"), "hintStopped", args("nginx1")));
                }
                case NGINX_DEAD_ON_MASTER -> all.add(alert(kind, args("nginx1", "192.168.224.150"), "hint", args()));
                case MONITOR_TASK_FAILED -> all.add(alert(kind, args("health"), "hint", args("java.net.SocketException: Network is unreachable")));
                default -> {
                    Object[] args = complaintExample(kind);
                    all.add(alert(kind, args, "hint", args));
                }
            }
        }
        return all;
    }

    /** keepalived's complaints: host, instance (or "-"), then the complaint's details ({@code KeepalivedComplaints.alertOf}). */
    private static Object[] complaintExample(AlertKind kind) {
        return switch (kind) {
            case AUTH_MISMATCH -> args("nginx2", "VI_1", "192.168.224.101");
            case VIP_SET_MISMATCH -> args("nginx2", "VI_1", "(VI_1) received an unexpected ip number count 1, expected 2!");
            case VRID_MISMATCH -> args("nginx2", "-", "51", "eth0", LocalizedText.of("failover", "alert.peerUnnamed"));
            case CHECK_SCRIPT_UNSAFE -> args("nginx1", "-", "/etc/keepalived/check_nginx.sh",
                    "Unsafe permissions found for script '/etc/keepalived/check_nginx.sh' - disabling.");
            case INTERFACE_FAULT -> args("nginx2", "-", "eth0");
            case HIGHER_PRIORITY_ADVERT -> args("nginx1", "VI_1", "192.168.224.9", 254, 250);
            case CONFIG_ERROR -> args("nginx2", "-", "keepalived.conf", "6", "Unknown keyword 'halab_no_such_keyword'");
            default -> throw new IllegalArgumentException("not a keepalived complaint: " + kind);
        };
    }

    private static AlertExample alert(AlertKind kind, Object[] titleArgs, String hint, Object[] hintArgs) {
        return new AlertExample(kind, titleArgs, hint, hintArgs);
    }

    private static Object[] args(Object... values) {
        return values;
    }

    static String fileName(Locale locale) {
        return Bundles.CHINESE.equals(locale) ? "preflight-and-alerts.zh_CN.md" : "preflight-and-alerts.md";
    }

    static String markdown(Locale locale) {
        boolean zh = Bundles.CHINESE.equals(locale);
        List<String> out = new ArrayList<>();
        out.add(zh ? "# 安装前检查与告警" : "# Pre-flight checks and alerts");
        out.add("");
        out.add(zh ? "<!-- 由 PreflightAndAlertsDocTest 从资源包生成（mvn test -Dtest=PreflightAndAlertsDocTest -Dhalab.writeDocs=true），请勿手工修改。 -->"
                : "<!-- Generated from the resource bundles by PreflightAndAlertsDocTest "
                        + "(mvn test -Dtest=PreflightAndAlertsDocTest -Dhalab.writeDocs=true); do not edit by hand. -->");
        out.add("");
        out.add(zh ? "学生在向导的“安装前检查”页、`halab install` 的输出以及监控（GUI、`halab monitor`、`halab failover`）中看到的每一条文字，"
                        + "示例取教程的实验环境（nginx1 192.168.224.101、nginx2 192.168.224.102、tomcat1/2、VIP 192.168.224.150、VRID 51）。"
                        + "英文版见 [preflight-and-alerts.md](preflight-and-alerts.md)。"
                : "Every text a student sees on the wizard's pre-flight page, in the output of `halab install`, and in the "
                        + "monitor (GUI, `halab monitor`, `halab failover`), with the tutorial lab's values (nginx1 192.168.224.101, nginx2 "
                        + "192.168.224.102, tomcat1/2, VIP 192.168.224.150, VRID 51). Chinese: "
                        + "[preflight-and-alerts.zh_CN.md](preflight-and-alerts.zh_CN.md).");
        out.add("");
        out.add(zh ? "在本地实验环境中，`PreflightNetworkIT` 让网络检查逐一失败（一个前端的链路丢弃组播、网桥上另一个 keepalived 使用相同的 VRID、克隆的主机密钥），"
                        + "`KeepalivedComplaintsIT` 逐一引发 keepalived 的每种抱怨，并打印从故障到告警的时间。"
                : "On the local lab, `PreflightNetworkIT` makes the network checks fail for their reasons (multicast dropped on one front "
                        + "end's link, another keepalived with the same VRID on the bridge, a cloned host key), and `KeepalivedComplaintsIT` "
                        + "provokes each of keepalived's complaints and prints the time from the fault to the alert.");
        out.add("");
        out.add(zh ? "## 安装前检查" : "## Pre-flight checks");
        out.add("");
        out.add(zh ? "任何一项“失败”都会在改动任何主机之前停止安装；“警告”不会阻止安装。"
                : "Any failed check stops the install before any host is changed; a warning does not.");
        for (PreflightCheck check : PreflightCheck.values()) {
            out.add("");
            out.add("### " + Preflight.title(check.id()).render(locale) + " (`" + check.stepId() + "`)");
            out.add("");
            for (Outcome outcome : outcomes()) {
                if (outcome.check() == check) {
                    out.add("- **" + status(outcome.status(), zh) + "** — " + outcome.text().render(locale));
                }
            }
            for (Outcome remedy : remedies()) {
                if (remedy.check() == check) {
                    out.add("- **" + (zh ? "一键修复" : "One-click fix") + "** — " + remedy.text().render(locale));
                }
            }
        }
        out.add("");
        out.add(zh ? "## 监控告警" : "## Monitor alerts");
        out.add("");
        out.add(zh ? "前五项由监控根据集群状态判断；其余各项是 keepalived 自己在日志里的抱怨，由 HA Lab 识别并命名。每条告警先显示标题，再显示含义与修复方法。"
                : "The first five come from the monitor's view of the cluster; the others are keepalived's own complaints in its journal, "
                        + "recognised and named by HA Lab. Each alert shows its title, then what it means and the fix.");
        for (AlertExample alert : alerts()) {
            out.add("");
            out.add("### " + alert.title().render(locale) + " (`" + alert.kind().name() + "`)");
            out.add("");
            out.add(alert.hintText().render(locale));
        }
        out.add("");
        return String.join("\n", out);
    }

    private static String status(PreflightResult.Status status, boolean zh) {
        return switch (status) {
            case PASSED -> zh ? "通过" : "Passed";
            case WARNING -> zh ? "警告" : "Warning";
            case FAILED -> zh ? "失败" : "Failed";
        };
    }

    private PreflightAndAlertsDocument() {
    }
}
