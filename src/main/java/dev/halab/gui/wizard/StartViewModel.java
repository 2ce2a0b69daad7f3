package dev.halab.gui.wizard;

import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.profile.ProfileException;
import dev.halab.core.profile.ProfileLoader;
import dev.halab.core.resources.ProjectResources;
import dev.halab.core.topology.Topology;
import dev.halab.gui.common.BatchedSink;
import dev.halab.gui.common.Texts;
import dev.halab.gui.common.UiContext;
import dev.halab.gui.service.Credentials;
import dev.halab.gui.service.Services;
import dev.halab.gui.service.WorkerCall;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The start page: pick a shipped profile, or the local lab (one of its variants) and bring it up.
 * Filling the fields goes through the shared {@link WizardState}.
 */
public final class StartViewModel {
    public static final String LOCAL_LAB_PROFILE = "local-lab";

    private final WizardState state;
    private final Services services;
    private final UiContext context;
    private final ObjectProperty<LocalizedText> error;
    private final Runnable onProfileChanged;

    private final ObservableMap<String, Function<Locale, String>> profileDescriptions = FXCollections.observableHashMap();
    private final ObservableList<LocalizedText> labProgress = FXCollections.observableArrayList();
    private final BooleanProperty labBusy = new SimpleBooleanProperty();

    StartViewModel(WizardState state, Services services, UiContext context, ObjectProperty<LocalizedText> error,
            Runnable onProfileChanged) {
        this.state = state;
        this.services = services;
        this.context = context;
        this.error = error;
        this.onProfileChanged = onProfileChanged;
    }

    public List<String> profileNames() {
        return shippedProfileNames().stream().filter(n -> !n.startsWith(LOCAL_LAB_PROFILE)).toList();
    }

    /** The local lab's profiles: the tutorial's settings and its variants (nopreempt, dual master, fast). */
    public List<String> labProfileNames() {
        return shippedProfileNames().stream().filter(n -> n.startsWith(LOCAL_LAB_PROFILE)).toList();
    }

    /**
     * Same list as {@link ProfileLoader#shippedProfileNames()}, without touching ProfileLoader: its
     * JSON mapper costs a few hundred milliseconds to set up, which the first frame should not wait for.
     */
    private static List<String> shippedProfileNames() {
        return ProjectResources.list("vm-profiles").stream()
                .filter(n -> n.endsWith(".json")).map(n -> n.substring(0, n.length() - ".json".length()))
                .sorted().toList();
    }

    /**
     * Profile name to its description in a language (a profile's own words, or why it cannot be read), filled in
     * the background: reading every profile at startup would delay the window.
     */
    public ObservableMap<String, Function<Locale, String>> profileDescriptions() {
        return profileDescriptions;
    }

    public void loadProfileDescriptions() {
        List<String> names = profileNames();
        WorkerCall.call(context, () -> {
            Map<String, Function<Locale, String>> found = new LinkedHashMap<>();
            for (String name : names) {
                try {
                    Topology profile = ProfileLoader.load(name);
                    // the author's words in both languages; the page picks by the language it shows
                    found.put(name, locale -> orEmpty(profile.description(locale)));
                } catch (ProfileException e) {
                    found.put(name, e.text()::render);
                }
            }
            return found;
        }, outcome -> {
            if (outcome.ok()) {
                profileDescriptions.putAll(outcome.value());
            }
        });
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    public ObservableList<LocalizedText> labProgress() {
        return labProgress;
    }

    public BooleanProperty labBusyProperty() {
        return labBusy;
    }

    public Optional<LocalizedText> labUnavailableReason() {
        return services.lab().unavailableReason();
    }

    public void chooseProfile(String name) {
        try {
            Topology topology = ProfileLoader.load(name);
            state.localLabProperty().set(name.startsWith(LOCAL_LAB_PROFILE));
            state.load(name, topology);
            error.set(null);
            onProfileChanged.run();
        } catch (ProfileException e) {
            error.set(e.text());
        }
    }

    public void chooseLocalLab() {
        chooseLocalLab(LOCAL_LAB_PROFILE);
    }

    /** A local-lab profile; the lab's hosts are the same for every variant, so a lab already up stays ready. */
    public void chooseLocalLab(String variant) {
        boolean ready = state.localLabReadyProperty().get();
        chooseProfile(variant);
        state.localLabReadyProperty().set(ready);
    }

    /** Brings the local lab up in the background; on success the machines page is filled with its login. */
    public void startLocalLab() {
        Optional<LocalizedText> reason = labUnavailableReason();
        if (reason.isPresent()) {
            error.set(reason.get());
            return;
        }
        labBusy.set(true);
        labProgress.clear();
        error.set(null);
        BatchedSink<LocalizedText> progress = context.batching().open(labProgress::addAll);
        WorkerCall.call(context, progress, () -> services.lab().up(progress), outcome -> {
            labBusy.set(false);
            if (outcome.ok()) {
                labReady(outcome.value());
            } else {
                error.set(outcome.failure());
            }
        });
    }

    private void labReady(Credentials credentials) {
        state.sshUserProperty().set(credentials.user());
        if (credentials.keyFile() != null) {
            state.loginProperty().set(WizardState.Login.KEY);
            state.keyFileProperty().set(credentials.keyFile().toString());
        } else {
            state.loginProperty().set(WizardState.Login.PASSWORD);
            state.passwordProperty().set(credentials.password());
        }
        state.localLabReadyProperty().set(true);
        labProgress.add(Texts.of("lab.ready"));
    }
}
