package dev.halab.lab;

import dev.halab.core.i18n.LocalizedText;
import dev.halab.core.remote.LoginPolicy;

/** The local lab's login files for the shared {@link LoginPolicy} (the CLI and the GUI use this one). */
public final class LabLogins {
    /** The lab of the shipped local-lab profile; a profile that cannot be read is an error, not "no lab". */
    public static final LoginPolicy.LabLocator DEFAULT = () -> {
        try {
            LocalLab lab = LocalLab.fromDefaultProfile();
            return new LoginPolicy.LabLogin(lab.sshPrivateKey(), lab.knownHostsFile());
        } catch (LabException | IllegalArgumentException e) {
            throw new LoginPolicy.LoginException(LoginPolicy.Kind.LAB_UNKNOWN,
                    LocalizedText.of("login", "login.labUnknown", String.valueOf(e.getMessage())));
        }
    };

    private LabLogins() {
    }
}
