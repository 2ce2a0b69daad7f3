package dev.halab.core.topology;

import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.topology.Problem.Severity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a topology and reports every problem at once. Errors stop a run; warnings are shown and
 * the run may go on. Each rule is named by a stable code (used in tests and docs/validation.md).
 */
public final class TopologyValidator {
    private static final String BUNDLE = "core";
    /** Linux interface names: 1-15 bytes, no slash, colon or whitespace, not "." or "..". */
    private static final Pattern INTERFACE_NAME = Pattern.compile("[A-Za-z0-9_.@-]{1,15}");
    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    /** Goes between double quotes in nginx.conf and into an HTTP header: keep it plain. */
    private static final Pattern HEADER_VALUE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern INSTANCE_NAME = Pattern.compile("[A-Za-z0-9_]{1,32}");
    /**
     * What keepalived's config reader takes literally in {@code auth_pass}: printable ASCII except
     * whitespace (splits words), quotes and backslash (quoting, escapes, line continuation), '#' and
     * '!' (start a comment: the rest is silently dropped), '{' and '}' (open or close a block) and
     * '$' (parameter substitution). See keepalived lib/parser.c: decomment(), read_line().
     */
    private static final Pattern AUTH_PASS = Pattern.compile("[!-~&&[^\"'\\\\#!{}$]]+");
    private static final BigDecimal V3_MIN = new BigDecimal("0.01");
    private static final BigDecimal V3_MAX = new BigDecimal("40.95");
    private static final BigDecimal V2_MAX = new BigDecimal("255");

    private final List<Problem> problems = new ArrayList<>();

    private TopologyValidator() {
    }

    public static List<Problem> validate(Topology topology) {
        TopologyValidator validator = new TopologyValidator();
        validator.check(topology);
        return List.copyOf(validator.problems);
    }

    public static boolean hasErrors(List<Problem> problems) {
        return problems.stream().anyMatch(Problem::isError);
    }

    private void check(Topology t) {
        if (t.mode() == null) {
            error("mode", "mode.missing");
        }
        if (t.network() == null) {
            error("network", "section.missing", "network");
        }
        if (t.vrrp() == null) {
            error("vrrp", "section.missing", "vrrp");
        }
        if (t.nginx() == null) {
            error("nginx", "section.missing", "nginx");
        }
        if (t.tomcat() == null) {
            error("tomcat", "section.missing", "tomcat");
        }
        Map<String, Ipv4> addresses = checkHosts(t);
        if (t.network() != null) {
            checkNetwork(t);
        }
        if (t.vrrp() != null && t.mode() != null) {
            checkVrrp(t, addresses);
        }
        if (t.nginx() != null) {
            checkPort("nginx.port", t.nginx().port());
        }
        if (t.tomcat() != null) {
            checkPort("tomcat.port", t.tomcat().port());
        }
        if (t.lab() != null) {
            checkAddress("lab.controllerAddress", t.lab().controllerAddress()).ifPresent(controller -> {
                addresses.forEach((field, address) -> {
                    if (address.equals(controller)) {
                        error("lab.controllerAddress", "address.duplicate", controller, field);
                    }
                });
            });
            if (t.lab().bridge() == null || !INTERFACE_NAME.matcher(t.lab().bridge()).matches()) {
                error("lab.bridge", "interface.invalid", String.valueOf(t.lab().bridge()));
            }
        }
    }

    /** Returns the parsed address of every host, keyed by field path, for later cross checks. */
    private Map<String, Ipv4> checkHosts(Topology t) {
        Map<String, Ipv4> byField = new java.util.LinkedHashMap<>();
        Map<Ipv4, String> firstFieldOfAddress = new HashMap<>();
        Map<String, String> firstFieldOfName = new HashMap<>();
        long frontEnds = t.hosts().stream().filter(Host::isFrontEnd).count();
        long backEnds = t.hosts().stream().filter(Host::isBackEnd).count();
        if (frontEnds != 2) {
            error("hosts", "hosts.frontEndCount", frontEnds);
        }
        if (backEnds < 1) {
            error("hosts", "hosts.backEndCount");
        }
        for (int i = 0; i < t.hosts().size(); i++) {
            Host host = t.hosts().get(i);
            String at = "hosts[" + i + "]";
            if (host.name() == null || !HOST_NAME.matcher(host.name()).matches()) {
                error(at + ".name", "host.name.invalid", String.valueOf(host.name()));
            } else {
                String previous = firstFieldOfName.putIfAbsent(host.name(), at + ".name");
                if (previous != null) {
                    error(at + ".name", "host.name.duplicate", host.name(), previous);
                }
            }
            if (host.role() == null) {
                error(at + ".role", "host.role.missing");
            }
            checkAddress(at + ".address", host.address()).ifPresent(address -> {
                byField.put(at + ".address", address);
                String previous = firstFieldOfAddress.putIfAbsent(address, at + ".address");
                if (previous != null) {
                    error(at + ".address", "address.duplicate", address, previous);
                }
            });
            if (host.interfaceName() != null && !INTERFACE_NAME.matcher(host.interfaceName()).matches()
                    || ".".equals(host.interfaceName()) || "..".equals(host.interfaceName())) {
                error(at + ".interface", "interface.invalid", host.interfaceName());
            }
            if (host.isFrontEnd()) {
                if (host.nginxHeader() == null || !HEADER_VALUE.matcher(host.nginxHeader()).matches()) {
                    error(at + ".nginxHeader", "host.header.invalid", String.valueOf(host.nginxHeader()));
                }
                if (host.upstreamWeight() != null) {
                    warning(at + ".upstreamWeight", "host.weight.ignored");
                }
            }
            if (host.isBackEnd() && host.upstreamWeight() != null
                    && (host.upstreamWeight() < 1 || host.upstreamWeight() > 100)) {
                error(at + ".upstreamWeight", "host.weight.range", host.upstreamWeight());
            }
        }
        List<String> headers = t.frontEnds().stream().map(Host::nginxHeader).filter(h -> h != null).toList();
        if (headers.size() == 2 && headers.get(0).equals(headers.get(1))) {
            error("hosts", "host.header.duplicate", headers.get(0));
        }
        return byField;
    }

    private void checkNetwork(Topology t) {
        int prefix = t.network().prefixLength();
        if (prefix < 8 || prefix > 30) {
            error("network.prefixLength", "prefix.range", prefix);
            return;
        }
        String iface = t.network().interfaceName();
        if (iface == null || !INTERFACE_NAME.matcher(iface).matches() || ".".equals(iface) || "..".equals(iface)) {
            error("network.interface", "interface.invalid", String.valueOf(iface));
        }
        List<Host> fronts = t.frontEnds();
        if (fronts.size() == 2) {
            Optional<Ipv4> a = Ipv4.parse(fronts.get(0).address());
            Optional<Ipv4> b = Ipv4.parse(fronts.get(1).address());
            if (a.isPresent() && b.isPresent() && !a.get().sameSubnet(b.get(), prefix)) {
                error(fieldOf(t, fronts.get(1)) + ".address", "frontEnd.outsideSubnet", fronts.get(1).name(),
                        b.get(), a.get().network(prefix) + "/" + prefix, fronts.get(0).name());
            }
        }
    }

    private void checkVrrp(Topology t, Map<String, Ipv4> hostAddresses) {
        VrrpSettings v = t.vrrp();
        boolean v3 = v.version() == 3;
        if (v.version() != 2 && v.version() != 3) {
            error("vrrp.version", "vrrp.version", v.version());
        }
        checkAdvertInterval(v, v3);
        checkPriorities(v);
        checkAuthentication(v, v3);
        checkScript(v);
        checkInstances(t, hostAddresses);
    }

    private void checkAdvertInterval(VrrpSettings v, boolean v3) {
        BigDecimal advert = v.advertInterval();
        if (advert == null || advert.signum() <= 0) {
            error("vrrp.advertInterval", "advert.positive", String.valueOf(advert));
            return;
        }
        if (v3) {
            boolean steps = advert.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().scale() <= 0;
            if (advert.compareTo(V3_MIN) < 0 || advert.compareTo(V3_MAX) > 0 || !steps) {
                error("vrrp.advertInterval", "advert.v3Range", advert.toPlainString());
            }
        } else if (advert.stripTrailingZeros().scale() > 0) {
            warning("vrrp.advertInterval", "advert.v2Fraction", advert.toPlainString(),
                    advert.setScale(0, java.math.RoundingMode.HALF_UP).max(BigDecimal.ONE).toPlainString());
        } else if (advert.compareTo(V2_MAX) > 0) {
            error("vrrp.advertInterval", "advert.v2Range", advert.toPlainString());
        }
    }

    private void checkPriorities(VrrpSettings v) {
        boolean inRange = true;
        if (v.masterPriority() < 1 || v.masterPriority() > 254) {
            error("vrrp.masterPriority", "priority.range", v.masterPriority());
            inRange = false;
        }
        if (v.backupPriority() < 1 || v.backupPriority() > 254) {
            error("vrrp.backupPriority", "priority.range", v.backupPriority());
            inRange = false;
        }
        if (inRange && v.masterPriority() <= v.backupPriority()) {
            error("vrrp.masterPriority", "priority.order", v.masterPriority(), v.backupPriority());
        }
    }

    private void checkAuthentication(VrrpSettings v, boolean v3) {
        Authentication auth = v.authentication();
        if (auth == null) {
            return;
        }
        if (v3) {
            error("vrrp.authentication", "auth.v3");
            return;
        }
        if (!"PASS".equals(auth.type()) && !"AH".equals(auth.type())) {
            error("vrrp.authentication.type", "auth.type", String.valueOf(auth.type()));
        }
        String pass = auth.password();
        if (pass == null || pass.isEmpty()) {
            error("vrrp.authentication.password", "auth.pass.missing");
        } else if (!AUTH_PASS.matcher(pass).matches()) {
            error("vrrp.authentication.password", "auth.pass.chars");
        } else if (pass.length() > 8) {
            warning("vrrp.authentication.password", "auth.pass.long", pass.length(), pass.substring(0, 8));
        }
    }

    private void checkScript(VrrpSettings v) {
        CheckScript check = v.checkScript();
        if (check == null) {
            warning("vrrp.checkScript", "check.missing");
            return;
        }
        if (check.interval() < 1 || check.interval() > 3600) {
            error("vrrp.checkScript.interval", "check.interval", check.interval());
        }
        if (check.weight() < -253 || check.weight() > 253) {
            error("vrrp.checkScript.weight", "check.weight.range", check.weight());
            return;
        }
        int master = v.masterPriority();
        int backup = v.backupPriority();
        // weight < 0: a failing check lowers the master; weight > 0: a passing check raises the backup.
        // weight 0 puts the instance into FAULT on failure, which always releases the VIP.
        if (check.weight() < 0 && master + check.weight() >= backup) {
            error("vrrp.checkScript.weight", "check.weight.tooSmall", check.weight(), master, master + check.weight(),
                    backup, backup - master - 1);
        } else if (check.weight() > 0 && backup + check.weight() <= master) {
            error("vrrp.checkScript.weight", "check.weight.tooSmallPositive", check.weight(), backup,
                    backup + check.weight(), master, master - backup + 1);
        }
    }

    private void checkInstances(Topology t, Map<String, Ipv4> hostAddresses) {
        List<VrrpInstance> instances = t.vrrp().instances();
        int expected = t.mode() == Mode.DUAL_MASTER ? 2 : 1;
        if (instances.size() != expected) {
            error("vrrp.instances", t.mode() == Mode.DUAL_MASTER ? "instances.dual" : "instances.single",
                    instances.size());
        }
        Map<Integer, String> vridField = new HashMap<>();
        Map<Ipv4, String> vipField = new HashMap<>();
        Map<String, String> masterField = new HashMap<>();
        Map<String, String> nameField = new HashMap<>();
        List<Host> fronts = t.frontEnds();
        for (int i = 0; i < instances.size(); i++) {
            VrrpInstance instance = instances.get(i);
            String at = "vrrp.instances[" + i + "]";
            if (instance.name() == null || !INSTANCE_NAME.matcher(instance.name()).matches()) {
                error(at + ".name", "instance.name", String.valueOf(instance.name()));
            } else if (nameField.putIfAbsent(instance.name(), at) != null) {
                error(at + ".name", "instance.name.duplicate", instance.name());
            }
            if (instance.vrid() < 1 || instance.vrid() > 255) {
                error(at + ".vrid", "vrid.range", instance.vrid());
            } else {
                String previous = vridField.putIfAbsent(instance.vrid(), at + ".vrid");
                if (previous != null) {
                    error(at + ".vrid", "vrid.duplicate", instance.vrid(), previous);
                }
            }
            checkVip(t, at, instance, hostAddresses, vipField);
            Optional<Host> master = t.findHost(String.valueOf(instance.master()));
            if (master.isEmpty() || !master.get().isFrontEnd()) {
                error(at + ".master", "instance.master", String.valueOf(instance.master()),
                        String.join(", ", fronts.stream().map(Host::name).toList()));
            } else if (masterField.putIfAbsent(instance.master(), at) != null) {
                error(at + ".master", "instance.master.duplicate", instance.master());
            }
            if (instance.initialState() != null) {
                if (!"MASTER".equals(instance.initialState()) && !"BACKUP".equals(instance.initialState())) {
                    error(at + ".initialState", "state.invalid", instance.initialState());
                } else if (!t.vrrp().preempt() && "MASTER".equals(instance.initialState())) {
                    warning(at + ".initialState", "state.nopreemptMaster");
                }
            }
        }
    }

    private void checkVip(Topology t, String at, VrrpInstance instance, Map<String, Ipv4> hostAddresses,
                          Map<Ipv4, String> vipField) {
        checkAddress(at + ".vip", instance.vip()).ifPresent(vip -> {
            hostAddresses.forEach((field, address) -> {
                if (address.equals(vip)) {
                    error(at + ".vip", "vip.equalsHost", vip, field);
                }
            });
            String previous = vipField.putIfAbsent(vip, at + ".vip");
            if (previous != null) {
                error(at + ".vip", "vip.duplicate", vip, previous);
            }
            if (t.network() != null && t.network().prefixLength() >= 8 && t.network().prefixLength() <= 30) {
                int prefix = t.network().prefixLength();
                Ipv4Subnet subnet = Ipv4Subnet.of(vip, prefix);
                if (vip.equals(subnet.network()) || vip.equals(subnet.broadcast())) {
                    error(at + ".vip", "vip.networkOrBroadcast", vip, subnet);
                }
                t.frontEnds().stream().findFirst().flatMap(f -> Ipv4.parse(f.address())).ifPresent(front -> {
                    if (!front.sameSubnet(vip, prefix)) {
                        error(at + ".vip", "vip.outsideSubnet", vip, front.network(prefix) + "/" + prefix);
                    }
                });
            }
        });
    }

    private Optional<Ipv4> checkAddress(String field, String text) {
        Optional<Ipv4> parsed = Ipv4.parse(text);
        if (parsed.isEmpty()) {
            if (Ipv4.problem(text).orElse(null) == Ipv4.Problem.LEADING_ZERO) {
                error(field, "ip.leadingZero", text);
            } else {
                error(field, "ip.malformed", String.valueOf(text));
            }
        } else if (parsed.get().toString().startsWith("127.") || parsed.get().value() == 0
                || (parsed.get().value() >>> 28) >= 14) {
            error(field, "ip.unusable", text);
            return Optional.empty();
        }
        return parsed;
    }

    private void checkPort(String field, int port) {
        if (port < 1 || port > 65535) {
            error(field, "port.range", port);
        }
    }

    private static String fieldOf(Topology t, Host host) {
        return "hosts[" + t.hosts().indexOf(host) + "]";
    }

    private void error(String field, String code, Object... args) {
        problems.add(new Problem(Severity.ERROR, field, code, LocalizedText.of(BUNDLE, "validation." + code, args)));
    }

    private void warning(String field, String code, Object... args) {
        problems.add(new Problem(Severity.WARNING, field, code, LocalizedText.of(BUNDLE, "validation." + code, args)));
    }
}
