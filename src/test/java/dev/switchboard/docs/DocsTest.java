package dev.switchboard.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.deploy.AppSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README.md and docs/*.md (plain JUnit, no application start): every relative link leads to a file, and into a
 * heading of a markdown file that exists; every Switchboard setting they name in code ({@code switchboard.*} or
 * {@code SWITCHBOARD_*}) is a real one. Failures name the file and line.
 */
class DocsTest {

    /** The target of a markdown link, {@code [text](target)}; the text may start on an earlier line. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    /** A property, also after {@code -D}; {@code <name>} and {@code *} are placeholders. */
    private static final Pattern PROPERTY =
            Pattern.compile("(?:(?<=-D)|(?<![\\w.-]))switchboard\\.[a-z0-9.<>*-]*[a-z0-9>*]");

    private static final Pattern ENV = Pattern.compile("(?<!\\w)SWITCHBOARD_[A-Z0-9_]*[A-Z0-9]");

    /** One line of a document; {@code code} when it is inside a fenced code block. */
    record Line(Path file, int number, String text, boolean code) {
        String where() {
            return file + ":" + number;
        }
    }

    @Test
    void relativeLinksLeadToExistingFilesAndHeadings() {
        List<String> problems = new ArrayList<>();
        for (Line line : lines()) {
            if (line.code()) {
                continue;
            }
            Matcher link = LINK.matcher(CODE_SPAN.matcher(line.text()).replaceAll(""));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("(?i)(https?|mailto):.*")) {
                    continue;
                }
                int hash = target.indexOf('#');
                String path = hash < 0 ? target : target.substring(0, hash);
                Path file = path.isEmpty()
                        ? line.file()
                        : line.file().resolveSibling(path).normalize();
                if (!Files.exists(file)) {
                    problems.add(line.where() + ": link to " + target + ": " + file + " does not exist");
                } else if (hash >= 0 && file.toString().endsWith(".md")) {
                    String anchor = target.substring(hash + 1);
                    if (!anchors(file).contains(anchor)) {
                        problems.add(line.where() + ": link to " + target + ": " + file + " has no heading #" + anchor
                                + " (its headings: " + anchors(file) + ")");
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), "Broken links in the docs:\n" + String.join("\n", problems));
    }

    @Test
    void namedSettingsExist() {
        Set<String> properties = AppSettings.switchboardProperties();
        Set<String> envNames = properties.stream().map(AppSettings::envName).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (Line line : lines()) {
            for (String code : code(line)) {
                Matcher property = PROPERTY.matcher(code);
                while (property.find()) {
                    Pattern name = placeholders(property.group());
                    String named = property.group();
                    if (properties.stream()
                            .noneMatch(p -> name.matcher(p).matches()
                                    || placeholders(p).matcher(named).matches())) {
                        problems.add(line.where() + ": " + property.group() + " is not a Switchboard setting or group");
                    }
                }
                Matcher env = ENV.matcher(code);
                while (env.find()) {
                    if (!envNames.contains(env.group())) {
                        problems.add(
                                line.where() + ": " + env.group() + " is not the variable of a Switchboard setting");
                    }
                }
            }
        }
        assertTrue(
                problems.isEmpty(),
                "Settings named in the docs that do not exist (see the @ConfigMapping interfaces):\n"
                        + String.join("\n", problems));
    }

    /** The code on a line: all of it inside a fenced block, else its `code spans`. */
    private static List<String> code(Line line) {
        if (line.code()) {
            return List.of(line.text());
        }
        List<String> spans = new ArrayList<>();
        Matcher span = CODE_SPAN.matcher(line.text());
        while (span.find()) {
            spans.add(span.group(1));
        }
        return spans;
    }

    /**
     * A property name as a pattern that also matches the properties of a group so named ({@code switchboard.auth});
     * {@code <name>} stands for one key segment, {@code *} for the rest.
     */
    private static Pattern placeholders(String name) {
        StringBuilder regex = new StringBuilder();
        for (String part : name.split("(?=<)|(?<=>)|(?=\\*)|(?<=\\*)")) {
            regex.append(part.startsWith("<") ? "[^.]+" : part.equals("*") ? ".+" : Pattern.quote(part));
        }
        return Pattern.compile(regex + "(\\..+)?");
    }

    /** GitHub's anchors of a markdown file's headings: lower case, punctuation dropped, spaces as '-', '-1' for repeats. */
    private static Set<String> anchors(Path file) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Line line : lines(file)) {
            if (!line.code() && line.text().matches("#{1,6} .*")) {
                String slug = line.text()
                        .replaceFirst("^#+ ", "")
                        .trim()
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "")
                        .replace(' ', '-');
                int repeats = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(repeats == 0 ? slug : slug + "-" + repeats);
            }
        }
        return anchors;
    }

    /** Every line of README.md and docs/*.md. */
    private static List<Line> lines() {
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            List<Line> lines = new ArrayList<>(lines(Path.of("README.md")));
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(p -> lines.addAll(lines(p)));
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Line> lines(Path file) {
        try {
            List<Line> lines = new ArrayList<>();
            boolean code = false;
            int number = 0;
            for (String text : Files.readAllLines(file)) {
                boolean fence = text.stripLeading().startsWith("```");
                lines.add(new Line(file, ++number, text, code || fence));
                code ^= fence;
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
