package dev.halab.gui.service;

import dev.halab.core.i18n.LocalizedText;

import java.util.Optional;
import java.util.function.Consumer;

/** The local lab of real hosts on this machine ("no VMs needed"). */
public interface LabService {
    /** Why the lab cannot be built here (not root, not Linux, tools missing), or empty. */
    Optional<LocalizedText> unavailableReason();

    /** Brings the lab up (idempotent), reporting progress; returns how to log in to its hosts. */
    Credentials up(Consumer<LocalizedText> progress) throws ServiceException;
}
