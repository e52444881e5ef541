package dev.switchboard.resource;

import dev.switchboard.api.ResourceNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Files shipped on the class path (skills, views) served as resources, read when a client asks for them. */
public final class ClasspathFiles {

    private ClasspathFiles() {}

    /**
     * The bytes of {@code path} on the class path.
     *
     * @throws ResourceNotFoundException naming {@code uri} when the file is not there
     */
    public static byte[] read(String path, String uri) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new ResourceNotFoundException(uri);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
