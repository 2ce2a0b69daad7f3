package dev.halab.cli;

import dev.halab.core.failover.MonitorEvent;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI's event lines, for answers the monitor really sees (a 504 through the VIP has no error text). */
class MonitorEventPrinterTest {

    @Test
    void aFailedRequestWithoutAnErrorTextPrintsItsStatusInsteadOfFailing() {
        StringWriter text = new StringWriter();
        var printer = new MonitorCommand.EventPrinter(new PrintWriter(text), true, new CliText(java.util.Locale.ENGLISH));
        Instant now = Instant.parse("2026-11-30T10:00:00Z");

        printer.onEvent(new MonitorEvent.ProbeResult(now, now.plusMillis(12), "192.168.224.150", Duration.ofMillis(12),
                504, "NGINX-1", "-", null));

        assertThat(text.toString()).contains("GET 192.168.224.150 failed after 12 ms: HTTP 504 (NGINX-1)");
    }

    @Test
    void aConnectionErrorPrintsTheErrorText() {
        StringWriter text = new StringWriter();
        var printer = new MonitorCommand.EventPrinter(new PrintWriter(text), true, new CliText(java.util.Locale.ENGLISH));
        Instant now = Instant.parse("2026-11-30T10:00:00Z");

        printer.onEvent(new MonitorEvent.ProbeResult(now, now.plusMillis(300), "192.168.224.150", Duration.ofMillis(300),
                0, null, null, "connect timed out"));

        assertThat(text.toString()).contains("failed after 300 ms: connect timed out");
    }
}
