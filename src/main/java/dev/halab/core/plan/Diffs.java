package dev.halab.core.plan;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

import java.util.List;

/** Unified diffs of files as a dry run shows them ({@code --- a/PATH}, {@code +++ b/PATH}, 3 lines of context). */
public final class Diffs {
    private Diffs() {
    }

    /** @param oldContent null when the file does not exist yet (shown as a diff from /dev/null) */
    public static String unified(String path, String oldContent, String newContent) {
        List<String> before = oldContent == null ? List.of() : oldContent.lines().toList();
        List<String> after = newContent.lines().toList();
        Patch<String> patch = DiffUtils.diff(before, after);
        if (patch.getDeltas().isEmpty()) {
            return "";
        }
        List<String> lines = UnifiedDiffUtils.generateUnifiedDiff(oldContent == null ? "/dev/null" : "a" + path,
                "b" + path, before, patch, 3);
        return String.join("\n", lines) + "\n";
    }
}
