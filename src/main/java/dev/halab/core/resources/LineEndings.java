package dev.halab.core.resources;

/**
 * Everything HA Lab sends to a host uses Unix line endings: a Windows checkout (Git's
 * {@code core.autocrlf}) or a template edited in Notepad must never produce {@code #!/bin/bash\r}.
 */
public final class LineEndings {
    private LineEndings() {
    }

    /** CRLF and lone CR become LF. */
    public static String toLf(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The same for bytes in UTF-8 or any ASCII-compatible encoding (CR is never part of a multi-byte sequence). */
    public static byte[] toLf(byte[] content) {
        int carriageReturns = 0;
        for (byte b : content) {
            if (b == '\r') {
                carriageReturns++;
            }
        }
        if (carriageReturns == 0) {
            return content;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(content.length);
        for (int i = 0; i < content.length; i++) {
            if (content[i] != '\r') {
                out.write(content[i]);
            } else if (i + 1 >= content.length || content[i + 1] != '\n') {
                out.write('\n');
            }
        }
        return out.toByteArray();
    }
}
