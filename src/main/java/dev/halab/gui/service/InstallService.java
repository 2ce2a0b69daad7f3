package dev.halab.gui.service;

import dev.halab.core.event.RunListener;
import dev.halab.gui.common.CancelToken;

/**
 * The install engine as the GUI uses it. Every call blocks (workers only) and reports progress as
 * core {@code RunEvent}s; a run that starts and fails reports it by events, a run that cannot
 * start throws.
 */
public interface InstallService {
    void preflight(RunRequest request, RunListener listener, CancelToken cancel) throws ServiceException;

    /** Dry run: the plan, with a {@code FileDiff} event per file that would change. */
    void plan(RunRequest request, RunListener listener, CancelToken cancel) throws ServiceException;

    void install(RunRequest request, RunListener listener, CancelToken cancel) throws ServiceException;

    void verify(RunRequest request, RunListener listener, CancelToken cancel) throws ServiceException;
}
