package dev.switchboard.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;

/** Whether classes were compiled, added or removed since the registry generator last wrote its files (dev mode). */
final class StaleRegistry {

    private StaleRegistry() {}

    /**
     * True when {@code registry} is missing, or a class file or a package directory under {@code classes} is newer
     * than it: a directory changes when a class is added to it or removed from it. {@code META-INF}, where the
     * generator writes, is left out.
     */
    static boolean isStale(Path classes, Path registry) throws IOException {
        if (!Files.isRegularFile(registry)) {
            return true;
        }
        FileTime written = Files.getLastModifiedTime(registry);
        Path generated = classes.resolve("META-INF");
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(file -> !file.startsWith(generated))
                    .filter(file -> file.toString().endsWith(".class") || Files.isDirectory(file))
                    .anyMatch(file -> modified(file).compareTo(written) > 0);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
