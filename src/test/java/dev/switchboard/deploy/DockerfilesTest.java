package dev.switchboard.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The container files, checked without Docker: what each Dockerfile copies from the build context gets past
 * {@code .dockerignore}, and the AOT image runs the jar the way its cache was trained.
 */
class DockerfilesTest {

    private static final Path DOCKER = Path.of("src/main/docker");
    private static final Pattern INSTRUCTION = Pattern.compile("^([A-Z]+)\\s+(.*)$");

    @Test
    void whatEachDockerfileCopiesFromTheContextIsInIt() throws IOException {
        DockerIgnore ignore = DockerIgnore.parse(Files.readAllLines(Path.of(".dockerignore")));
        List<String> checked = new ArrayList<>();
        try (Stream<Path> files = Files.list(DOCKER)) {
            for (Path dockerfile : files.filter(f -> f.getFileName().toString().startsWith("Dockerfile"))
                    .toList()) {
                for (String copy : instructions(dockerfile, "COPY")) {
                    if (copy.contains("--from=")) {
                        continue; // from another stage, not the context
                    }
                    List<String> args = Stream.of(copy.split("\\s+"))
                            .filter(arg -> !arg.startsWith("--"))
                            .toList();
                    for (String source : args.subList(0, args.size() - 1)) {
                        String sample = source.replace("*", "x") + (source.endsWith("/") ? "x" : "");
                        assertTrue(
                                ignore.admits(sample),
                                dockerfile + " copies " + source + ", which .dockerignore keeps out of the context");
                        if (!source.startsWith("target/")) {
                            assertTrue(
                                    Files.exists(Path.of(source)), dockerfile + " copies " + source + ": no such file");
                        }
                        checked.add(source);
                    }
                }
            }
        }
        assertTrue(checked.contains("scripts/package-aot.sh"), "the AOT image copies its training script: " + checked);
        assertFalse(ignore.admits("src/main/java/x.java"), "sources stay out of the context");
    }

    /** The cache records the class path as the training named it: a jar named another way is refused at start. */
    @Test
    void theAotImageRunsTheJarAsItsCacheWasTrained() throws IOException {
        Path dockerfile = DOCKER.resolve("Dockerfile.aot");
        String training = instructions(dockerfile, "RUN").stream()
                .filter(run -> run.contains("package-aot.sh"))
                .findFirst()
                .orElseThrow();
        Matcher app = Pattern.compile("--app (\\S+)").matcher(training);
        assertTrue(app.find(), training);
        List<String> workdirs = instructions(dockerfile, "WORKDIR");
        assertEquals(app.group(1), workdirs.get(workdirs.size() - 1), "the image runs where the cache was trained");
        String entrypoint = instructions(dockerfile, "ENTRYPOINT").get(0);
        assertTrue(entrypoint.contains("\"-XX:AOTCache="), entrypoint);
        assertTrue(entrypoint.contains("\"-jar\", \"quarkus-run.jar\""), entrypoint);
        String script = Files.readString(Path.of("scripts/package-aot.sh"));
        assertTrue(
                script.contains("(cd \"$APP\" && exec \"$JAVA\" -XX:AOTCacheOutput=app.aot")
                        && script.contains("-jar quarkus-run.jar) >"),
                "package-aot.sh trains with -jar quarkus-run.jar from the application's directory");
    }

    /** The arguments of every {@code keyword} instruction, continuation lines joined. */
    private static List<String> instructions(Path dockerfile, String keyword) throws IOException {
        List<String> found = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(dockerfile)) {
            if (line.startsWith("#") && current.isEmpty()) {
                continue;
            }
            String trimmed = line.strip();
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            Matcher instruction = INSTRUCTION.matcher(current.toString().strip());
            if (instruction.matches() && instruction.group(1).equals(keyword)) {
                found.add(instruction.group(2).replaceAll("\\s+", " ").strip());
            }
            current.setLength(0);
        }
        return found;
    }

    /**
     * {@code .dockerignore} as Docker reads it: patterns in order, {@code !} admitting again; the last pattern that
     * matches a path or one of its parent directories decides.
     */
    private record DockerIgnore(List<Pattern> patterns, List<Boolean> admitting) {

        static DockerIgnore parse(List<String> lines) {
            List<Pattern> patterns = new ArrayList<>();
            List<Boolean> admitting = new ArrayList<>();
            for (String line : lines) {
                String pattern = line.strip();
                if (pattern.isEmpty() || pattern.startsWith("#")) {
                    continue;
                }
                boolean admits = pattern.startsWith("!");
                patterns.add(glob(admits ? pattern.substring(1) : pattern));
                admitting.add(admits);
            }
            return new DockerIgnore(patterns, admitting);
        }

        boolean admits(String path) {
            boolean admitted = true;
            for (int i = 0; i < patterns.size(); i++) {
                if (matchesOrParent(patterns.get(i), path)) {
                    admitted = admitting.get(i);
                }
            }
            return admitted;
        }

        private static boolean matchesOrParent(Pattern pattern, String path) {
            for (String candidate = path; ; candidate = candidate.substring(0, candidate.lastIndexOf('/'))) {
                if (pattern.matcher(candidate).matches()) {
                    return true;
                }
                if (candidate.indexOf('/') < 0) {
                    return false;
                }
            }
        }

        private static Pattern glob(String glob) {
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < glob.length(); i++) {
                char c = glob.charAt(i);
                if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    regex.append(".*");
                    i++;
                } else if (c == '*') {
                    regex.append("[^/]*");
                } else if (c == '?') {
                    regex.append("[^/]");
                } else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return Pattern.compile(regex.toString());
        }
    }
}
