package dev.halab.gui.service;

import dev.halab.core.i18n.LocalizedText;

/**
 * The result of "test connection" on one host.
 *
 * @param fingerprint       the host key's SHA256 fingerprint, or null if none was seen
 * @param detectedInterface the interface holding the host's address (front ends), or null
 */
public record ConnectionCheck(boolean ok, String fingerprint, LocalizedText message, String detectedInterface) {
}
