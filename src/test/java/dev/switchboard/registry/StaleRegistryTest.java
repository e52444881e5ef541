package dev.switchboard.registry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When dev mode writes the registries again: only after classes changed, appeared or went. */
class StaleRegistryTest {

    private static final FileTime BEFORE = FileTime.from(Instant.parse("2026-01-01T10:00:00Z"));
    private static final FileTime WRITTEN = FileTime.from(Instant.parse("2026-01-01T10:00:01Z"));
    private static final FileTime AFTER = FileTime.from(Instant.parse("2026-01-01T10:00:02Z"));

    @TempDir
    Path classes;

    private Path registry;
    private Path tool;

    @BeforeEach
    void build() throws IOException {
        tool = write("com/example/Dice.class", BEFORE);
        write("application.properties", BEFORE);
        registry = write(GeneratedTool.LOCATION, WRITTEN);
        write("META-INF/native-image/reflect-config.json", AFTER); // written by the same run, a little later
        for (Path dir : new Path[] {classes.resolve("com/example"), classes.resolve("com"), classes}) {
            Files.setLastModifiedTime(dir, BEFORE);
        }
    }

    @Test
    void aRegistryWrittenAfterTheClassesIsCurrent() throws IOException {
        assertFalse(StaleRegistry.isStale(classes, registry));
    }

    @Test
    void aRecompiledClassMakesItStale() throws IOException {
        Files.setLastModifiedTime(tool, AFTER);
        assertTrue(StaleRegistry.isStale(classes, registry));
    }

    @Test
    void aRemovedClassMakesItStale() throws IOException {
        Files.delete(tool); // the package directory's time moves on
        Files.setLastModifiedTime(tool.getParent(), AFTER);
        assertTrue(StaleRegistry.isStale(classes, registry));
    }

    @Test
    void aChangedResourceDoesNot() throws IOException {
        Files.setLastModifiedTime(classes.resolve("application.properties"), AFTER);
        assertFalse(StaleRegistry.isStale(classes, registry));
    }

    @Test
    void aMissingRegistryIsStale() throws IOException {
        Files.delete(registry);
        assertTrue(StaleRegistry.isStale(classes, registry));
    }

    private Path write(String name, FileTime time) throws IOException {
        Path file = classes.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
        Files.setLastModifiedTime(file, time);
        return file;
    }
}
