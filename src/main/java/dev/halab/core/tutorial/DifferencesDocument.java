package dev.halab.core.tutorial;

import dev.halab.core.i18n.Bundles;
import dev.halab.core.i18n.LocalizedText;

import java.util.List;
import java.util.Locale;

/**
 * {@code docs/differences.md} (English) and {@code docs/differences.zh_CN.md}, written from
 * {@link TutorialDifferences} so the documents and the app can never tell different stories.
 * Both sides of an item sit in one HTML table row, which Markdown viewers show side by side.
 */
public final class DifferencesDocument {
    private DifferencesDocument() {
    }

    /** The docs file name for a language. */
    public static String fileName(Locale locale) {
        return Bundles.isChinese(locale) ? "differences.zh_CN.md" : "differences.md";
    }

    public static String markdown(Locale locale) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(text("differences.heading", locale)).append("\n\n");
        out.append(text("differences.intro", locale)).append("\n\n");
        out.append("> ").append(text("differences.generatedNote", locale)).append("\n");
        int number = 1;
        for (Difference difference : TutorialDifferences.all()) {
            out.append("\n## ").append(number++).append(". ").append(difference.title().render(locale)).append("\n\n");
            out.append("<table>\n<tr><th>").append(text("differences.tutorialSide", locale))
                    .append("</th><th>").append(text("differences.halabSide", locale)).append("</th></tr>\n");
            out.append("<tr><td><pre>").append(escape(difference.tutorialLines()))
                    .append("</pre></td><td><pre>").append(escape(difference.halabLines())).append("</pre></td></tr>\n");
            out.append("</table>\n\n");
            out.append(difference.why().render(locale)).append("\n");
        }
        return out.toString();
    }

    private static String text(String key, Locale locale) {
        return LocalizedText.of(Difference.BUNDLE, key).render(locale);
    }

    static String escape(List<String> lines) {
        return String.join("\n", lines).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
