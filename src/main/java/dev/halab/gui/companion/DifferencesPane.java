package dev.halab.gui.companion;

import dev.halab.gui.common.Texts;
import atlantafx.base.theme.Styles;
import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.tutorial.Difference;
import dev.halab.core.tutorial.TutorialDifferences;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * "Differences from the tutorial": one card per {@link Difference}, the tutorial's lines and HA Lab's
 * side by side, the explanation underneath. The same data as docs/differences.md.
 */
final class DifferencesPane extends ScrollPane {
    private final Texts texts;

    DifferencesPane(Texts texts) {
        this.texts = texts;
        setId("companion-differences");
        VBox cards = new VBox(16);
        cards.setPadding(new Insets(16));
        cards.getChildren().add(CompanionBundle.label(texts, LocalizedText.of("tutorial", "differences.intro"), Styles.TEXT_MUTED));
        int number = 1;
        for (Difference difference : TutorialDifferences.all()) {
            cards.getChildren().add(card(number++, difference));
        }
        setContent(cards);
        setFitToWidth(true);
    }

    private VBox card(int number, Difference difference) {
        Label title = CompanionBundle.label(texts, CompanionBundle.of("differences.numbered", number, difference.title()), Styles.TITLE_4);
        GridPane sides = new GridPane();
        sides.setHgap(12);
        sides.setVgap(4);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        sides.getColumnConstraints().addAll(half, half);
        sides.add(CompanionBundle.label(texts, LocalizedText.of("tutorial", "differences.tutorialSide"), Styles.TEXT_BOLD), 0, 0);
        sides.add(CompanionBundle.label(texts, LocalizedText.of("tutorial", "differences.halabSide"), Styles.TEXT_BOLD), 1, 0);
        CodeBox tutorial = new CodeBox(String.join("\n", difference.tutorialLines()));
        tutorial.setId("tutorial-" + difference.id());
        CodeBox halab = new CodeBox(String.join("\n", difference.halabLines()));
        halab.setId("halab-" + difference.id());
        sides.add(tutorial, 0, 1);
        sides.add(halab, 1, 1);
        Label why = CompanionBundle.label(texts, difference.why());
        why.setId("why-" + difference.id());
        VBox card = new VBox(8, title, sides, why);
        card.setId("difference-" + difference.id());
        card.getStyleClass().add("companion-card");
        card.setPadding(new Insets(12));
        return card;
    }
}
