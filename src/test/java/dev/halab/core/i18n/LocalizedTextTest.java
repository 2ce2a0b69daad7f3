package dev.halab.core.i18n;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class LocalizedTextTest {

    @Test
    void anAbsentArgumentIsRenderedInsteadOfThrowing() {
        var text = LocalizedText.of("install", "verify.requestFailed", 2, "http://192.168.224.150/", null);

        assertThat(text.render(Locale.ENGLISH)).isEqualTo("Request 2 to http://192.168.224.150/ failed: null");
        assertThat(text.args()).hasSize(3).containsNull();
    }

    @Test
    void argumentsAreCopiedAndCannotBeChangedAfterwards() {
        Object[] args = {1, "http://x/", "refused"};
        var text = LocalizedText.of("install", "verify.requestFailed", args);
        args[2] = "changed";

        assertThat(text.render(Locale.ENGLISH)).endsWith("failed: refused");
    }
}
