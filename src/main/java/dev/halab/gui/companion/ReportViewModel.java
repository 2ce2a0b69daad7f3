package dev.halab.gui.companion;

import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.report.PdfPrinter;
import dev.halab.core.report.ReportData;
import dev.halab.core.report.ReportWriter;
import dev.halab.core.report.SessionStore;
import dev.halab.core.topology.Topology;
import dev.halab.gui.common.Texts;
import dev.halab.gui.common.UiContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The report tab's logic: the student's name, export into a folder on the worker, the outcome as a
 * text. Never touches controls.
 */
public final class ReportViewModel {
    private final Topology topology;
    private final SessionStore store;
    private final UiContext context;
    private final StringProperty student = new SimpleStringProperty("");
    private final ObjectProperty<LocalizedText> status = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<Path> written = new SimpleObjectProperty<>();

    public ReportViewModel(Topology topology, SessionStore store, UiContext context) {
        this.topology = topology;
        this.store = store;
        this.context = context;
    }

    /** The language of the window this view model belongs to. */
    public Texts texts() {
        return context.texts();
    }

    public StringProperty studentProperty() {
        return student;
    }

    public ObjectProperty<LocalizedText> statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** The HTML file of the last export, or null. */
    public ObjectProperty<Path> writtenProperty() {
        return written;
    }

    /** FX thread: writes the report of this lab into {@code dir}, in the app's current language. */
    public void export(Path dir, boolean pdf) {
        if (student.get() == null || student.get().isBlank()) {
            status.set(LocalizedText.of("report", "report.noStudent"));
            return;
        }
        String name = student.get();
        var locale = context.texts().locale();
        busy.set(true);
        context.background().execute(() -> {
            LocalizedText outcome;
            Path html = null;
            try {
                ReportData data = new ReportData(topology, store.load(topology.name()), name, LocalDate.now(), locale);
                ReportWriter.ReportFiles files = ReportWriter.write(data, dir, pdf ? PdfPrinter.find().orElse(null) : null);
                html = files.html();
                outcome = files.pdf() != null ? CompanionBundle.of("report.writtenPdf", files.html(), files.pdf())
                        : CompanionBundle.of("report.written", files.html(), files.zip());
            } catch (IOException | RuntimeException e) {
                outcome = LocalizedText.of("report", "cli.report.ioError", dir, String.valueOf(e.getMessage()));
            }
            LocalizedText shown = outcome;
            Path done = html;
            context.ui().post(() -> {
                status.set(shown);
                written.set(done);
                busy.set(false);
            });
        });
    }
}
