package dev.halab.gui.install;

/** One line of the live log: which host and step it belongs to, and whether it came from stderr. */
public record LogLine(String host, String stepId, Kind kind, String text) {
    public enum Kind { OUTPUT, ERROR, COMMAND, INFO }

    /** How the line is copied to the clipboard. */
    public String toClipboard() {
        return "[" + (host == null ? "-" : host) + "] " + text;
    }
}
