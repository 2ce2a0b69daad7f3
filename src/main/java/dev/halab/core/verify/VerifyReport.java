package dev.halab.core.verify;

import dev.halab.core.i18n.LocalizedText;

import java.util.List;

/**
 * What verify found.
 *
 * @param tomcatsSeen the tomcat address of each answer, in order (from the X-Tomcat header)
 * @param servedBy    the X-Served-By header of each answer
 * @param vipHolders  the front ends holding the VIP, by instance VIP
 */
public record VerifyReport(boolean passed, List<Check> checks, List<String> tomcatsSeen, List<String> servedBy,
                           java.util.Map<String, List<String>> vipHolders) {

    public record Check(boolean passed, LocalizedText text) {
    }
}
