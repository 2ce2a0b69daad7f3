package dev.halab.core.step;

import dev.halab.core.facts.Distro;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.template.GeneratedFile;
import dev.halab.core.template.HostFiles;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Role;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes generated files (from {@link HostFiles}) whose content differs from the host's, compared
 * by sha256; notifies a handler when any changed. Files are written in the given order: scripts
 * before the config that refers to them, so the config's check on the host can find them.
 */
public final class FilesStep implements Step {
    /** HA Lab writes its files as root (see {@code RemoteShell#upload}). */
    static final String OWNER = "root:root";

    private final String id;
    private final Phase phase;
    private final Role role;
    private final Map<String, Validator> files;
    private final Handler handler;

    public FilesStep(String id, Phase phase, Role role, Map<String, Validator> files, Handler handler) {
        this.id = id;
        this.phase = phase;
        this.role = role;
        this.files = new LinkedHashMap<>(files);
        this.handler = handler;
    }

    public static FilesStep tomcatPage(Distro distro) {
        return new FilesStep("tomcat.page", Phase.BACKEND, Role.BACKEND, Map.of(distro.tomcatIndex(), Validator.NONE), null);
    }

    public static FilesStep nginxSite(Distro distro) {
        return new FilesStep("nginx.site", Phase.FRONTEND, Role.FRONTEND, Map.of(distro.nginxSite(), Validator.NGINX),
                Handler.RELOAD_NGINX);
    }

    public static FilesStep keepalivedFiles() {
        Map<String, Validator> files = new LinkedHashMap<>();
        files.put(HostFiles.CHECK_SCRIPT, Validator.NONE);
        files.put(HostFiles.NOTIFY_SCRIPT, Validator.NONE);
        files.put(HostFiles.KEEPALIVED_CONF, Validator.KEEPALIVED);
        return new FilesStep("keepalived.config", Phase.KEEPALIVED, Role.FRONTEND, files, Handler.RESTART_KEEPALIVED);
    }

    public List<String> paths() {
        return List.copyOf(files.keySet());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public LocalizedText title() {
        return StepTexts.text("step.files.title", String.join(", ", files.keySet()));
    }

    @Override
    public Phase phase() {
        return phase;
    }

    @Override
    public boolean appliesTo(Host host) {
        return host.role() == role;
    }

    @Override
    public StepResult plan(StepContext context) {
        List<Action> actions = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, Validator> entry : files.entrySet()) {
            GeneratedFile file = context.file(entry.getKey()).orElseThrow(() ->
                    new IllegalStateException("no generated file " + entry.getKey() + " for " + context.host().name()));
            String current = context.facts().checksum(file.path());
            if (!sha256(file.content()).equals(current) || !asWritten(context, file)) {
                actions.add(new Action.PutFile(file, current, entry.getValue()));
                changed.add(file.path());
            }
        }
        if (actions.isEmpty()) {
            return StepResult.nothing("step.files.nothing", String.join(", ", files.keySet()));
        }
        if (handler != null) {
            actions.add(new Action.Notify(handler));
        }
        return StepResult.changes(StepTexts.text("step.files.write", String.join(", ", changed)), actions);
    }

    /**
     * Mode and owner are part of "unchanged": a file with the right content but another mode or
     * owner (chmod 777, chown) is written again. A probe that did not say counts as unchanged.
     */
    private static boolean asWritten(StepContext context, GeneratedFile file) {
        return context.facts().modeAndOwner(file.path())
                .map(actual -> actual.equals(Integer.toOctalString(file.mode()) + " " + OWNER))
                .orElse(true);
    }

    public static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
