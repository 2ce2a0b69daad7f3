package dev.halab.gui.wizard;

import dev.halab.core.i18n.LocalizedText;

/**
 * One named pre-flight check on one host as the engine reported it: its id (ssh, os, nic, ...),
 * its title, whether it passed and what it found. Checks the engine adds later appear as they come.
 */
public record PreflightCheck(String id, LocalizedText title, boolean passed, LocalizedText detail) {
}
