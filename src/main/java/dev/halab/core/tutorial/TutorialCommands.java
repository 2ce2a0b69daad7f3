package dev.halab.core.tutorial;

import dev.halab.core.failover.ScenarioKind;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The tutorial's own commands, one entry per install step ({@code core/step/Steps}) and per
 * scenario step: what to type by hand to do or check the same thing, and what HA Lab ran.
 */
public final class TutorialCommands {
    private static final String CURL_VIP = "for i in 1 2 3 4; do curl -s -D - -o /dev/null http://${vip}/ | grep -i '^x-'; done";

    private TutorialCommands() {
    }

    public static List<StepCommand> all() {
        return List.of(
                new StepCommand("packages", "apt-get install keepalived", "any",
                        "apt-get install nginx keepalived tomcat10\ndpkg -l nginx keepalived tomcat10",
                        "apt-get -q install -y --no-install-recommends nginx keepalived curl procps   (front ends)\n"
                                + "apt-get -q install -y --no-install-recommends tomcat10   (back ends)"),
                new StepCommand("tomcat.defaultPage", "", "${tomcat1}",
                        "ls /var/lib/tomcat10/webapps/ROOT/",
                        "halab-move-aside /var/lib/tomcat10/webapps/ROOT/index.html /var/backups/halab/RUN/..."),
                new StepCommand("tomcat.page", "<h1>${pageContext.servletContext.serverInfo}(192.168.224.103)<%=request.getHeader(\"X-NGINX\")%></h1>",
                        "${tomcat1}", "curl -s http://${tomcat1}:${tomcatPort}/ | grep '<h1>'",
                        "halab-put /var/lib/tomcat10/webapps/ROOT/index.jsp (rendered from installers/tomcat/index.jsp.mustache)"),
                new StepCommand("tomcat.service", "", "${tomcat1}",
                        "systemctl status tomcat10 --no-pager",
                        "systemctl enable --now tomcat10"),
                new StepCommand("nginx.defaultSite", "rm default", "${master}",
                        "ls -l /etc/nginx/sites-enabled/",
                        "halab-move-aside /etc/nginx/sites-enabled/default /var/backups/halab/RUN/..."),
                new StepCommand("nginx.site", "vi tomcat.conf", "${master}",
                        "nginx -t\ncat /etc/nginx/sites-enabled/halab-tomcat.conf",
                        "halab-put /etc/nginx/sites-enabled/halab-tomcat.conf (checked with nginx -t before it replaces the old one)"),
                new StepCommand("nginx.service", "nginx -s reload", "any",
                        "for i in 1 2 3 4; do curl -s http://${master}/ | grep '<h1>'; done",
                        "systemctl enable --now nginx; systemctl reload-or-restart nginx (only when the site changed)"),
                new StepCommand("sysctl.nonlocalBind", "", "${master}",
                        "sysctl net.ipv4.ip_nonlocal_bind",
                        "sysctl -q -w net.ipv4.ip_nonlocal_bind=1 (and /etc/sysctl.d/ so it survives a reboot)"),
                new StepCommand("firewall.vrrp", "", "${master}",
                        "nft list ruleset | grep -i vrrp; ufw status",
                        "ufw allow proto vrrp from PEER / firewall-cmd --add-rich-rule / nft insert rule (only if a firewall is active)"),
                new StepCommand("keepalived.config", "在/etc/keepalived目录下,添加check_nginx.sh(检查nginx存活的shell脚本)和keepalived.conf(keepalived配置文件)",
                        "${master}", "keepalived -t -f /etc/keepalived/keepalived.conf; echo $?\nbash /etc/keepalived/check_nginx.sh; echo $?",
                        "halab-put /etc/keepalived/keepalived.conf, check_nginx.sh, notify.sh (keepalived -t before they replace the old ones)"),
                new StepCommand("keepalived.service", "root@ubuntu:/etc/keepalived# /etc/init.d/keepalived start", "${master}",
                        "systemctl start keepalived\njournalctl -u keepalived -n 20 --no-pager",
                        "systemctl enable --now keepalived; systemctl restart keepalived (only when its files changed)"),

                new StepCommand("scenario.preempt.step1", "root@ubuntu:/etc/keepalived# ip add", "${master}",
                        "ip -4 addr show ${iface}\n" + CURL_VIP,
                        "systemctl start nginx keepalived on both front ends; polls VRRP states and requests through the VIP"),
                new StepCommand("scenario.preempt.step2", "root@ubuntu:/etc/keepalived# killall keepalived", "${master}",
                        "systemctl stop keepalived nginx\n# on ${backupName}:\nip -4 addr show ${iface}",
                        "the chosen failure on ${masterName} (stop, kill -9 by PID, nginx, link down, power); measures the outage through the VIP"),
                new StepCommand("scenario.preempt.step3", "我们再启动Master(101)机器的keepalived和nginx,查看VIP,发现VIP已经被Master“夺回”了使用权限",
                        "${master}", "systemctl start nginx keepalived\nip -4 addr show ${iface}\n" + CURL_VIP,
                        "link up, systemctl start nginx keepalived on ${masterName}; waits for the VIP to return"),
                new StepCommand("scenario.nopreempt.step1", "(非抢占模式)Step-1 Master,Backup都正常,只有Master对外提供服务", "${master}",
                        "systemctl start nginx keepalived   # on ${masterName} first, then on ${backupName}\nip -4 addr show ${iface}",
                        "starts the master first, then the backup; waits until the VIP is on ${masterName}"),
                new StepCommand("scenario.nopreempt.step2", "(非抢占模式)Step-2 Master挂了,Backup接替Master对外提供服务", "${master}",
                        "systemctl stop keepalived nginx\n# on ${backupName}:\nip -4 addr show ${iface}",
                        "the chosen failure on ${masterName}; measures the outage through the VIP"),
                new StepCommand("scenario.nopreempt.step3", "(非抢占模式)Step-3 Master恢复正常后,Backup继续对外提供服务,Master不会抢占VIP,而是继续等待Backup出现故障",
                        "${master}", "systemctl start nginx keepalived\nip -4 addr show ${iface}\n" + CURL_VIP,
                        "restores ${masterName}; checks that the VIP stays on ${backupName}"),
                new StepCommand("scenario.nopreempt.step4", "(非抢占模式)Step-4 Backup挂了,Master重新绑定VIP,接替Backup对外提供服务", "${backup}",
                        "systemctl stop keepalived nginx\n# on ${masterName}:\nip -4 addr show ${iface}",
                        "the chosen failure on ${backupName}; measures the outage until ${masterName} serves"),
                new StepCommand("scenario.nginx.step1", "", "${master}",
                        "bash /etc/keepalived/check_nginx.sh; echo $?\n" + CURL_VIP,
                        "starts everything; waits until the VIP is on ${masterName}"),
                new StepCommand("scenario.nginx.step2", "root@ubuntu:/etc/keepalived# killall nginx", "${master}",
                        "systemctl stop nginx\nbash /etc/keepalived/check_nginx.sh; echo $?\njournalctl -u keepalived -n 10 --no-pager",
                        "kills nginx on ${masterName} by PID; the check fails twice, priority 250-20=230 < 240, the VIP moves"),
                new StepCommand("scenario.nginx.step3", "", "${master}",
                        "systemctl start nginx\nip -4 addr show ${iface}",
                        "starts nginx on ${masterName}; after 2 good checks its priority is 250 again and it takes the VIP back"),
                new StepCommand("scenario.dual-master.step1", "", "${master}",
                        "ip -4 addr show ${iface}   # on both front ends: one VIP each",
                        "starts everything; waits until each VIP is on its own master"),
                new StepCommand("scenario.dual-master.step2", "", "${master}",
                        "systemctl stop keepalived nginx\n# on ${backupName}:\nip -4 addr show ${iface}",
                        "the chosen failure on ${masterName}; both VIPs must end on ${backupName}"),
                new StepCommand("scenario.dual-master.step3", "", "${master}",
                        "systemctl start nginx keepalived\nip -4 addr show ${iface}",
                        "restores ${masterName}; each VIP returns to its own master"));
    }

    public static Optional<StepCommand> find(String key) {
        return all().stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /** The key of a scenario step: {@code scenario.preempt.step2}. */
    public static String scenarioKey(ScenarioKind kind, String stepId) {
        return "scenario." + kind.cliName() + "." + stepId.toLowerCase(Locale.ROOT);
    }
}
