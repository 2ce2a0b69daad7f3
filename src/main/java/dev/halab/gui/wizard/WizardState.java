package dev.halab.gui.wizard;

import dev.halab.core.command.Secret;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Mode;
import dev.halab.core.topology.NetworkSettings;
import dev.halab.core.topology.Problem;
import dev.halab.core.topology.Remedy;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.VrrpInstance;
import dev.halab.core.topology.VrrpSettings;
import dev.halab.gui.common.Texts;
import dev.halab.gui.service.Credentials;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the wizard's pages edit, as typed properties shared by all pages (going back loses
 * nothing). Number fields are kept as typed text so that "abc" in the VRID field is reported as a
 * problem on that field instead of being lost. {@link #toDraft()} turns the state into a topology.
 */
public final class WizardState {
    public enum Login { KEY, PASSWORD }

    /** The profile the fields were filled from; the parts the wizard does not edit come from it. */
    private final ObjectProperty<Topology> base = new SimpleObjectProperty<>();
    private final StringProperty profileName = new SimpleStringProperty();
    private final BooleanProperty localLab = new SimpleBooleanProperty();
    private final BooleanProperty localLabReady = new SimpleBooleanProperty();

    private final ObservableList<HostFields> hosts = FXCollections.observableArrayList(
            h -> new Observable[] {h.addressProperty(), h.vmxProperty()});
    private final StringProperty sshUser = new SimpleStringProperty("root");
    private final ObjectProperty<Login> login = new SimpleObjectProperty<>(Login.KEY);
    private final StringProperty keyFile = new SimpleStringProperty("");
    /** Read from the password field on the FX thread as it is typed; never stored as a String. */
    private final ObjectProperty<Secret> password = new SimpleObjectProperty<>();
    private final BooleanProperty useSudo = new SimpleBooleanProperty();
    private final ObjectProperty<Secret> sudoPassword = new SimpleObjectProperty<>();

    private final StringProperty vip = new SimpleStringProperty("");
    private final StringProperty secondVip = new SimpleStringProperty("");
    private final StringProperty interfaceName = new SimpleStringProperty("");
    private final StringProperty vrid = new SimpleStringProperty("");
    /** Dual master's second VRID; blank follows the first (VRID + 1). */
    private final StringProperty secondVrid = new SimpleStringProperty("");
    private final StringProperty masterPriority = new SimpleStringProperty("");
    private final StringProperty backupPriority = new SimpleStringProperty("");
    private final BooleanProperty preempt = new SimpleBooleanProperty(true);
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.MASTER_BACKUP);
    private final BooleanProperty unicast = new SimpleBooleanProperty();
    private final ObjectProperty<Integer> vrrpVersion = new SimpleObjectProperty<>(2);
    private final StringProperty advertInterval = new SimpleStringProperty("1");

    /** Fills every field from a profile (what "pick a profile" does). */
    public void load(String name, Topology topology) {
        base.set(topology);
        profileName.set(name);
        List<HostFields> rows = new ArrayList<>();
        for (Host host : topology.hosts()) {
            HostFields row = new HostFields(host.name(), host.role());
            row.addressProperty().set(host.address());
            row.vmxProperty().set(host.vmx() == null ? "" : host.vmx());
            rows.add(row);
        }
        hosts.setAll(rows);
        VrrpSettings v = topology.vrrp();
        VrrpInstance first = v.instances().get(0);
        vip.set(first.vip());
        secondVip.set(v.instances().size() > 1 ? v.instances().get(1).vip() : "");
        interfaceName.set(topology.network().interfaceName());
        vrid.set(String.valueOf(first.vrid()));
        int second = v.instances().size() > 1 ? v.instances().get(1).vrid() : first.vrid() + 1;
        secondVrid.set(second == first.vrid() + 1 ? "" : String.valueOf(second));
        masterPriority.set(String.valueOf(v.masterPriority()));
        backupPriority.set(String.valueOf(v.backupPriority()));
        preempt.set(v.preempt());
        mode.set(topology.mode());
        unicast.set(v.unicast());
        vrrpVersion.set(v.version());
        advertInterval.set(v.advertInterval().toPlainString());
    }

    /** The topology the fields describe, and the problems of fields that are not even numbers. */
    public record Draft(Topology topology, List<Problem> inputProblems) {
    }

    public Draft toDraft() {
        Topology t = base.get();
        if (t == null) {
            return new Draft(null, List.of());
        }
        List<Problem> problems = new ArrayList<>();
        List<Host> newHosts = new ArrayList<>();
        for (int i = 0; i < t.hosts().size() && i < hosts.size(); i++) {
            HostFields row = hosts.get(i);
            String vmxFile = vmxFile(row.vmxProperty().get(), "hosts[" + i + "].vmx", problems);
            newHosts.add(t.hosts().get(i).withAddress(row.addressProperty().get().trim()).withVmx(vmxFile));
        }
        VrrpSettings v = t.vrrp();
        int newVrid = number(vrid.get(), "vrrp.instances[0].vrid", problems, v.instances().get(0).vrid());
        int master = number(masterPriority.get(), "vrrp.masterPriority", problems, v.masterPriority());
        int backup = number(backupPriority.get(), "vrrp.backupPriority", problems, v.backupPriority());
        BigDecimal advert = decimal(advertInterval.get(), problems, v.advertInterval());
        int newSecondVrid = secondVrid.get().isBlank() ? newVrid + 1
                : number(secondVrid.get(), "vrrp.instances[1].vrid", problems, newVrid + 1);
        List<VrrpInstance> instances = instances(t, newHosts, newVrid, newSecondVrid);
        int version = vrrpVersion.get() == null ? 2 : vrrpVersion.get();
        VrrpSettings newVrrp = new VrrpSettings(version, advert, preempt.get(), unicast.get(), master, backup,
                version == 3 ? null : v.authentication(), v.checkScript(), instances);
        Topology result = t.withHosts(newHosts).withVrrp(newVrrp).withMode(mode.get())
                .withNetwork(new NetworkSettings(t.network().prefixLength(), interfaceName.get().trim()));
        return new Draft(result, problems);
    }

    private List<VrrpInstance> instances(Topology t, List<Host> newHosts, int newVrid, int newSecondVrid) {
        List<String> fronts = newHosts.stream().filter(Host::isFrontEnd).map(Host::name).toList();
        String firstMaster = t.vrrp().instances().get(0).master();
        String otherFront = fronts.stream().filter(n -> !n.equals(firstMaster)).findFirst().orElse(firstMaster);
        List<VrrpInstance> result = new ArrayList<>();
        result.add(new VrrpInstance(t.vrrp().instances().get(0).name(), newVrid, vip.get().trim(), firstMaster, null));
        if (mode.get() == Mode.DUAL_MASTER) {
            String name = t.vrrp().instances().size() > 1 ? t.vrrp().instances().get(1).name() : "VI_2";
            result.add(new VrrpInstance(name, newSecondVrid, secondVip.get().trim(), otherFront, null));
        }
        return result;
    }

    /**
     * The power switch's file, or null when blank. It has to exist on this computer now: a typo
     * found only when the student clicks "power off" during the failover demonstration is too late.
     */
    private static String vmxFile(String text, String field, List<Problem> problems) {
        String path = text == null ? "" : text.trim();
        if (path.isEmpty()) {
            return null;
        }
        if (!path.toLowerCase(java.util.Locale.ROOT).endsWith(".vmx")) {
            problems.add(new Problem(Problem.Severity.ERROR, field, "input.vmx", Texts.of("input.vmx.notVmx", path)));
        } else if (!isFile(path)) {
            problems.add(new Problem(Problem.Severity.ERROR, field, "input.vmx", Texts.of("input.vmx.missing", path)));
        }
        return path;
    }

    private static boolean isFile(String path) {
        try {
            return Files.isRegularFile(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static int number(String text, String field, List<Problem> problems, int fallback) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            problems.add(inputProblem(field, Texts.of("input.notWholeNumber", text)));
            return fallback;
        }
    }

    private static BigDecimal decimal(String text, List<Problem> problems, BigDecimal fallback) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            problems.add(inputProblem("vrrp.advertInterval", Texts.of("input.notNumber", text)));
            return fallback;
        }
    }

    private static Problem inputProblem(String field, LocalizedText message) {
        return new Problem(Problem.Severity.ERROR, field, "input.number", message);
    }

    /**
     * A fix offered by pre-flight, applied to the fields the student sees (the same
     * {@link Remedy#apply} the CLI uses), so the change shows on the High availability page.
     */
    public void apply(Remedy remedy) {
        Topology current = toDraft().topology();
        if (current == null) {
            return;
        }
        VrrpSettings fixed = remedy.apply(current).vrrp();
        unicast.set(fixed.unicast());
        int first = fixed.instances().get(0).vrid();
        vrid.set(String.valueOf(first));
        if (fixed.instances().size() > 1) {
            int second = fixed.instances().get(1).vrid();
            secondVrid.set(second == first + 1 ? "" : String.valueOf(second));
        }
    }

    /** FX thread: the login as an immutable value for a worker. */
    public Credentials credentials() {
        Path key = login.get() == Login.KEY && !keyFile.get().isBlank() ? Path.of(keyFile.get().trim()) : null;
        Secret pass = login.get() == Login.PASSWORD ? password.get() : null;
        Secret sudo = useSudo.get() ? sudoPassword.get() : null;
        return new Credentials(sshUser.get().trim(), key, pass, sudo);
    }

    public ObjectProperty<Topology> baseProperty() {
        return base;
    }

    public StringProperty profileNameProperty() {
        return profileName;
    }

    public BooleanProperty localLabProperty() {
        return localLab;
    }

    public BooleanProperty localLabReadyProperty() {
        return localLabReady;
    }

    public ObservableList<HostFields> hosts() {
        return hosts;
    }

    public StringProperty sshUserProperty() {
        return sshUser;
    }

    public ObjectProperty<Login> loginProperty() {
        return login;
    }

    public StringProperty keyFileProperty() {
        return keyFile;
    }

    public ObjectProperty<Secret> passwordProperty() {
        return password;
    }

    public BooleanProperty useSudoProperty() {
        return useSudo;
    }

    public ObjectProperty<Secret> sudoPasswordProperty() {
        return sudoPassword;
    }

    public StringProperty vipProperty() {
        return vip;
    }

    public StringProperty secondVipProperty() {
        return secondVip;
    }

    public StringProperty interfaceNameProperty() {
        return interfaceName;
    }

    public StringProperty vridProperty() {
        return vrid;
    }

    public StringProperty secondVridProperty() {
        return secondVrid;
    }

    public StringProperty masterPriorityProperty() {
        return masterPriority;
    }

    public StringProperty backupPriorityProperty() {
        return backupPriority;
    }

    public BooleanProperty preemptProperty() {
        return preempt;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public BooleanProperty unicastProperty() {
        return unicast;
    }

    public ObjectProperty<Integer> vrrpVersionProperty() {
        return vrrpVersion;
    }

    public StringProperty advertIntervalProperty() {
        return advertInterval;
    }

    /** Every property whose change re-validates. */
    Observable[] validationInputs() {
        return new Observable[] {base, hosts, vip, secondVip, interfaceName, vrid, secondVrid, masterPriority, backupPriority,
                preempt, mode, unicast, vrrpVersion, advertInterval};
    }
}
