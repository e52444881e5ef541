package dev.switchboard.registry;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Dev mode only (absent from the production build): writes the build-time registries again when live reload has
 * recompiled classes since they were written, before anything reads them. Maven runs the registry generator in
 * {@code process-classes}, but live reload compiles without Maven, so the registries would otherwise describe the
 * classes as they were when {@code quarkus:dev} started.
 *
 * <p>It runs the generator as a whole, as the build did: the pom's {@code tool-registry} step writes the generator's
 * command line to {@value #COMMAND} in the build directory, and this runs {@code java @<that file>} again, so every
 * file the generator writes is rewritten, not only {@value GeneratedTool#LOCATION}. A generator that fails (a
 * duplicate tool name, say) fails the start with its message, which dev mode shows on its error page.
 */
@IfBuildProfile("dev")
@Singleton
class DevRegistryRefresh {

    /** Where the pom's {@code tool-registry} step writes the generator's command line, in the build directory. */
    static final String COMMAND = "registry-generator/generator.args";

    private static final Logger LOG = Logger.getLogger(DevRegistryRefresh.class);
    private static final Duration LIMIT = Duration.ofMinutes(2);

    /**
     * Observes start-up ahead of the observers of default priority, the {@code @Startup} registry producers among them,
     * so they read the files it wrote.
     */
    void beforeRegistriesAreRead(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        Path classes = classesDirectory();
        if (classes == null) {
            return; // the application classes are not a directory: nothing was compiled by live reload
        }
        Path command = classes.resolveSibling(COMMAND);
        try {
            if (!StaleRegistry.isStale(classes, classes.resolve(GeneratedTool.LOCATION))) {
                return;
            }
            if (!Files.isRegularFile(command)) {
                LOG.warnf(
                        "Classes changed since the tool registry was written, but %s is missing, so it cannot be"
                                + " written again: restart quarkus:dev",
                        command);
                return;
            }
            long start = System.nanoTime();
            run(command);
            LOG.infof(
                    "Wrote the registries again in %d ms: classes changed since they were written",
                    (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the registries again with " + command, e);
        }
    }

    /** Runs {@code java @command}; its output goes to a log beside the command file, and into the exception. */
    private static void run(Path command) throws IOException {
        Path log = command.resolveSibling("generator.log");
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "@" + command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!process.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "The registry generator did not finish within " + LIMIT.toSeconds() + " s: " + command);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the registry generator ran", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("The registry generator failed (exit " + process.exitValue() + "): "
                    + Files.readString(log).replace("[ERROR] ", "").strip());
        }
    }

    /** The directory this class was loaded from: the application's classes, where the generator writes. */
    private static Path classesDirectory() {
        String self = DevRegistryRefresh.class.getName().replace('.', '/') + ".class";
        URL url = DevRegistryRefresh.class.getClassLoader().getResource(self);
        if (url == null || !url.getProtocol().equals("file")) {
            return null;
        }
        try {
            Path file = Path.of(url.toURI());
            return file.getRoot()
                    .resolve(file.subpath(0, file.getNameCount() - Path.of(self).getNameCount()));
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
