package dev.halab.core.resources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.stream.Stream;

/**
 * Finds the project's data files ({@code installers/}, {@code vm-profiles/}, {@code i18n/}, ...).
 * They ship on the classpath; a folder on disk given by {@code -Dhalab.home=DIR} or
 * {@code HALAB_HOME=DIR} overrides them file by file, so a teacher can adapt a template or add a
 * profile without rebuilding.
 */
public final class ProjectResources {
    private ProjectResources() {
    }

    /** The override folder, if one is configured and exists. */
    public static Optional<Path> overrideFolder() {
        String configured = System.getProperty("halab.home", System.getenv("HALAB_HOME"));
        if (configured == null || configured.isBlank()) {
            return Optional.empty();
        }
        Path folder = Path.of(configured);
        return Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
    }

    /** Opens a resource by its relative path, e.g. {@code installers/nginx/site.conf.mustache}; null if absent. */
    public static InputStream open(String relativePath) throws IOException {
        Optional<Path> onDisk = overrideFolder().map(f -> f.resolve(relativePath)).filter(Files::isRegularFile);
        if (onDisk.isPresent()) {
            return Files.newInputStream(onDisk.get());
        }
        return ProjectResources.class.getClassLoader().getResourceAsStream(relativePath);
    }

    public static Optional<String> readString(String relativePath) {
        try (InputStream in = open(relativePath)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** File names directly inside a resource folder, from the override folder and the classpath. */
    public static List<String> list(String folder) {
        TreeSet<String> names = new TreeSet<>();
        overrideFolder().map(f -> f.resolve(folder)).filter(Files::isDirectory).ifPresent(dir -> addFiles(dir, names));
        try {
            Enumeration<URL> urls = ProjectResources.class.getClassLoader().getResources(folder);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                if ("file".equals(url.getProtocol())) {
                    addFiles(Path.of(url.toURI()), names);
                } else if ("jar".equals(url.getProtocol())) {
                    var connection = (JarURLConnection) url.openConnection();
                    String prefix = connection.getEntryName() + "/";
                    connection.getJarFile().stream().map(JarEntry::getName)
                            .filter(n -> n.startsWith(prefix) && n.length() > prefix.length())
                            .map(n -> n.substring(prefix.length()))
                            .filter(n -> !n.contains("/"))
                            .forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return new ArrayList<>(names);
    }

    private static void addFiles(Path dir, TreeSet<String> names) {
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).forEach(names::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
