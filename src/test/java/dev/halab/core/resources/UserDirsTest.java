package dev.halab.core.resources;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import org.junit.jupiter.api.Test;

import java.nio.file.FileSystem;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-user folders on each system, computed on simulated Windows, macOS and Linux file systems. */
class UserDirsTest {
    @Test
    void windowsUsesAppDataAndLocalAppData() throws Exception {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.windows())) {
            UserDirs dirs = UserDirs.of(fs, "Windows 11", Map.of(
                    "APPDATA", "C:\\Users\\li\\AppData\\Roaming", "LOCALAPPDATA", "C:\\Users\\li\\AppData\\Local"), "C:\\Users\\li");
            assertThat(dirs.config().toString()).isEqualTo("C:\\Users\\li\\AppData\\Roaming\\halab");
            assertThat(dirs.logs().toString()).isEqualTo("C:\\Users\\li\\AppData\\Local\\halab\\logs");
        }
    }

    @Test
    void windowsWithoutAppDataFallsBackToTheProfileFolder() throws Exception {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.windows())) {
            UserDirs dirs = UserDirs.of(fs, "Windows 10", Map.of(), "C:\\Users\\li");
            assertThat(dirs.config().toString()).isEqualTo("C:\\Users\\li\\AppData\\Roaming\\halab");
        }
    }

    @Test
    void macOsUsesLibraryApplicationSupport() throws Exception {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.osX())) {
            UserDirs dirs = UserDirs.of(fs, "Mac OS X", Map.of("XDG_CONFIG_HOME", "/Users/li/.xdg"), "/Users/li");
            assertThat(dirs.config().toString()).isEqualTo("/Users/li/Library/Application Support/halab");
            assertThat(dirs.logs().toString()).isEqualTo("/Users/li/Library/Logs/halab");
        }
    }

    @Test
    void linuxFollowsXdgAndIgnoresARelativeValue() throws Exception {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            assertThat(UserDirs.of(fs, "Linux", Map.of(), "/home/li").config().toString()).isEqualTo("/home/li/.config/halab");
            assertThat(UserDirs.of(fs, "Linux", Map.of(), "/home/li").logs().toString()).isEqualTo("/home/li/.local/state/halab");
            UserDirs xdg = UserDirs.of(fs, "Linux", Map.of("XDG_CONFIG_HOME", "/srv/cfg", "XDG_STATE_HOME", "/srv/state"), "/home/li");
            assertThat(xdg.config().toString()).isEqualTo("/srv/cfg/halab");
            assertThat(xdg.logs().toString()).isEqualTo("/srv/state/halab");
            assertThat(UserDirs.of(fs, "Linux", Map.of("XDG_CONFIG_HOME", "cfg"), "/home/li").config().toString())
                    .isEqualTo("/home/li/.config/halab");
        }
    }
}
