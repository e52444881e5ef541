package dev.switchboard.registry;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads a registry file the build wrote after compiling ({@code META-INF/switchboard/*.json}): one per class-path
 * root (the application's classes, and the test classes in tests), their entries joined.
 */
public final class GeneratedFiles {

    private GeneratedFiles() {}

    /** Every entry of every copy of {@code location}; fails when there is none, which means a partial build. */
    public static <T> List<T> read(ObjectMapper mapper, String location, TypeReference<List<T>> type) {
        List<T> entries = new ArrayList<>();
        try {
            List<URL> files = Collections.list(
                    Thread.currentThread().getContextClassLoader().getResources(location));
            if (files.isEmpty()) {
                throw new IllegalStateException("No registry file " + location + " on the class path: the build"
                        + " writes it after compiling; build with ./mvnw package");
            }
            for (URL file : files) {
                try (InputStream in = file.openStream()) {
                    entries.addAll(mapper.readValue(in, type));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the registry file " + location, e);
        }
        return entries;
    }
}
