package dev.halab.core.resources;

import dev.halab.core.i18n.LocalizedText;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The local lab is offered only on Linux, as root, with systemd-nspawn; otherwise the reason is given. */
class LocalLabAvailabilityTest {
    @Test
    void windowsAndMacOsGetTheReasonInBothLanguages() {
        LocalizedText windows = LocalLabAvailability.reasonUnavailable("Windows 11", false, t -> false).orElseThrow();
        assertThat(windows.render(Locale.ENGLISH)).contains("needs Linux", "Windows 11", "vmware");
        assertThat(windows.render(Locale.SIMPLIFIED_CHINESE)).contains("需要 Linux");
        assertThat(LocalLabAvailability.reasonUnavailable("Mac OS X", true, t -> true)).isPresent();
    }

    @Test
    void linuxNeedsRootAndNspawn() {
        assertThat(LocalLabAvailability.reasonUnavailable("Linux", false, t -> true).orElseThrow().render(Locale.ENGLISH))
                .contains("root");
        assertThat(LocalLabAvailability.reasonUnavailable("Linux", true, t -> false).orElseThrow().render(Locale.ENGLISH))
                .contains("systemd-container");
        assertThat(LocalLabAvailability.reasonUnavailable("Linux", true, "systemd-nspawn"::equals)).isEmpty();
    }
}
