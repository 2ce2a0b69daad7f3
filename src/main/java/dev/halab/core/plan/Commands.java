package dev.halab.core.plan;

import dev.halab.core.command.RemoteCommand;
import dev.halab.core.event.RunEvent;
import dev.halab.core.remote.CommandResult;
import dev.halab.core.remote.OutputListener;
import dev.halab.core.remote.RemoteException;
import dev.halab.core.step.StepTexts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Sends one command of a step to a host, telling the listener the command and each output line. */
final class Commands {
    static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(15);

    private final Run run;

    Commands(Run run) {
        this.run = run;
    }

    /** Runs a command; a non-zero exit is a {@link StepFailure} with the command's last line of output. */
    CommandResult checked(HostRun host, String stepId, RemoteCommand command) throws StepFailure {
        CommandResult result = logged(host, stepId, command);
        if (!result.ok()) {
            throw new StepFailure(StepTexts.text("run.commandFailed", command.display(), result.exitCode(), lastLine(result)));
        }
        return result;
    }

    /** Runs a command and returns its result whatever the exit code; a transport failure is a {@link StepFailure}. */
    CommandResult logged(HostRun host, String stepId, RemoteCommand command) throws StepFailure {
        run.emit(new RunEvent.CommandStarted(Instant.now(), host.name(), stepId, command.display()));
        try {
            return host.shell.run(command, COMMAND_TIMEOUT, (stream, line) -> run.emit(new RunEvent.OutputLine(
                    Instant.now(), host.name(), stepId, stream == OutputListener.Stream.STDERR, line)));
        } catch (RemoteException e) {
            throw new StepFailure(e.text());
        }
    }

    /** The line that usually says why a command failed: the last of stderr, else of stdout. */
    static String lastLine(CommandResult result) {
        return lastLine(result.stderr().isBlank() ? result.stdout() : result.stderr());
    }

    static String lastLine(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
    }
}
