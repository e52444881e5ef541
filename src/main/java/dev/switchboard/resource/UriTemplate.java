package dev.switchboard.resource;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An RFC 6570 level-1 URI template ({@code {var}} simple string expansion) that matches URIs. Level 1 expansion
 * percent-encodes reserved characters, so a variable never spans a {@code /}, {@code ?} or {@code #}.
 */
public final class UriTemplate {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9_.%]+)}");

    private final String template;
    private final Pattern pattern;
    private final List<String> variables;

    public UriTemplate(String template) {
        this.template = template;
        List<String> names = new ArrayList<>();
        StringBuilder regex = new StringBuilder("^");
        Matcher matcher = VARIABLE.matcher(template);
        int last = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(literal(template, last, matcher.start())));
            regex.append("([^/?#]+)");
            names.add(matcher.group(1));
            last = matcher.end();
        }
        regex.append(Pattern.quote(literal(template, last, template.length()))).append('$');
        this.pattern = Pattern.compile(regex.toString());
        this.variables = List.copyOf(names);
    }

    private static String literal(String template, int from, int to) {
        String literal = template.substring(from, to);
        if (literal.indexOf('{') >= 0 || literal.indexOf('}') >= 0) {
            throw new IllegalArgumentException("Only level-1 URI templates ({name}) are supported: " + template);
        }
        return literal;
    }

    /** The decoded variables when {@code uri} matches, else empty. */
    public Optional<Map<String, String>> match(String uri) {
        Matcher matcher = pattern.matcher(uri);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < variables.size(); i++) {
            values.put(
                    variables.get(i),
                    URLDecoder.decode(matcher.group(i + 1).replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return Optional.of(values);
    }

    public List<String> variables() {
        return variables;
    }

    @Override
    public String toString() {
        return template;
    }
}
