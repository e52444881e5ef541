package dev.switchboard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.agent.AgentConfig;
import dev.switchboard.builtin.memory.MemoryConfig;
import dev.switchboard.builtin.search.SearchConfig;
import dev.switchboard.builtin.weather.WeatherConfig;
import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.console.ConsoleConfig;
import dev.switchboard.redis.ReplicaAckConfig;
import dev.switchboard.security.AuthConfig;
import dev.switchboard.security.limits.RateLimitConfig;
import dev.switchboard.security.limits.SessionQuotaConfig;
import dev.switchboard.session.SessionCacheConfig;
import dev.switchboard.state.memory.MemoryStoreConfig;
import dev.switchboard.task.TaskConfig;
import dev.switchboard.upstream.UpstreamConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application's real configuration, as the manifests must see it: the environment variables it reads (derived
 * from {@link SwitchboardConfig} by reflection, from the {@code ${VAR}} references of {@code application.properties}
 * and from the Quarkus extensions' configuration model) and the values of {@code application.properties} (prod
 * profile).
 */
public final class AppSettings {

    static final Path APPLICATION_PROPERTIES = Path.of("src/main/resources/application.properties");

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)?");

    private final Properties properties;
    private final String propertiesText;

    private AppSettings(Properties properties, String propertiesText) {
        this.properties = properties;
        this.propertiesText = propertiesText;
    }

    static AppSettings load() {
        try {
            String text = Files.readString(APPLICATION_PROPERTIES);
            Properties properties = new Properties();
            properties.load(new java.io.StringReader(text));
            return new AppSettings(properties, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value the packaged application (prod profile) uses, or {@code fallback} when unset. */
    String value(String key, String fallback) {
        String prod = properties.getProperty("%prod." + key);
        if (prod != null) {
            return prod.trim();
        }
        String value = properties.getProperty(key);
        return value == null ? fallback : value.trim();
    }

    /** {@code quarkus.http.port}, 8080 unless application.properties says otherwise. */
    int httpPort() {
        return port("quarkus.http.port", "8080");
    }

    /**
     * {@code quarkus.management.port} (9000 unless set) when the management interface is on in production, which is
     * where health and metrics answer; the test fails when it is off, as the manifests assume it.
     */
    int managementPort() {
        if (!Boolean.parseBoolean(value("quarkus.management.enabled", "false"))) {
            throw new AssertionError("quarkus.management.enabled is not true in " + APPLICATION_PROPERTIES
                    + ": the manifests probe health on the management port");
        }
        return port("quarkus.management.port", "9000");
    }

    private int port(String key, String fallback) {
        String value = value(key, fallback);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new AssertionError(key + " in " + APPLICATION_PROPERTIES + " is not a plain number: " + value);
        }
    }

    /**
     * The SmallRye Health path of one probe ({@code live}, {@code ready} or {@code started}) under the
     * non-application root, as {@code quarkus.http.non-application-root-path} and {@code quarkus.smallrye-health.*}
     * place it ({@code /q/health/live} by default).
     */
    String healthPath(String probe) {
        String root = under("/", value("quarkus.http.non-application-root-path", "q"));
        String health = under(root, value("quarkus.smallrye-health.root-path", "health"));
        String key = "live".equals(probe) ? "liveness-path" : "ready".equals(probe) ? "readiness-path" : "startup-path";
        return under(health, value("quarkus.smallrye-health." + key, probe));
    }

    private static String under(String parent, String path) {
        if (path.startsWith("/")) {
            return path;
        }
        return (parent.endsWith("/") ? parent : parent + "/") + path;
    }

    /** A Quarkus duration setting: a number of seconds, a number with a unit (ms, s, m, h, d) or ISO-8601. */
    Duration duration(String key, String fallback) {
        String value = value(key, fallback);
        Matcher simple = SIMPLE_DURATION.matcher(value);
        if (!simple.matches()) {
            return Duration.parse(value.startsWith("P") ? value : "PT" + value);
        }
        long amount = Long.parseLong(simple.group(1));
        String unit = simple.group(2) == null ? "s" : simple.group(2);
        switch (unit) {
            case "ms":
                return Duration.ofMillis(amount);
            case "m":
                return Duration.ofMinutes(amount);
            case "h":
                return Duration.ofHours(amount);
            case "d":
                return Duration.ofDays(amount);
            default:
                return Duration.ofSeconds(amount);
        }
    }

    /** Whether application.properties reads the environment variable {@code name} through {@code ${name...}}. */
    boolean referencesEnv(String name) {
        return envReferences().contains(name);
    }

    /** Every environment variable the application reads: Switchboard settings, references, Quarkus settings. */
    Set<String> validEnvNames() {
        Set<String> names = new TreeSet<>();
        for (String property : switchboardProperties()) {
            names.add(envName(property));
        }
        names.addAll(envReferences());
        names.addAll(quarkusRuntimeEnvNames());
        return names;
    }

    /** The configuration mappings: the server's, and one per feature. */
    private static final List<Class<?>> MAPPINGS = List.of(
            SwitchboardConfig.class,
            AuthConfig.class,
            RateLimitConfig.class,
            SessionQuotaConfig.class,
            SessionCacheConfig.class,
            AgentConfig.class,
            WeatherConfig.class,
            SearchConfig.class,
            MemoryConfig.class,
            MemoryStoreConfig.class,
            TaskConfig.class,
            ReplicaAckConfig.class,
            ConsoleConfig.class,
            UpstreamConfig.class,
            dev.switchboard.openapi.OpenApiConfig.class);

    /** Every {@code switchboard.*} property, from the methods of the {@link #MAPPINGS} and their groups. */
    public static Set<String> switchboardProperties() {
        Set<String> properties = new TreeSet<>();
        for (Class<?> mapping : MAPPINGS) {
            collect(mapping, mapping.getAnnotation(ConfigMapping.class).prefix(), properties);
        }
        return properties;
    }

    /** SmallRye's environment variable name of a property: upper case, every other character becomes '_'. */
    public static String envName(String property) {
        StringBuilder name = new StringBuilder(property.length());
        for (char c : property.toCharArray()) {
            name.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return name.toString();
    }

    private static void collect(Class<?> group, String prefix, Set<String> properties) {
        for (Method method : group.getMethods()) {
            if (method.getParameterCount() > 0 || method.isDefault() || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            WithName withName = method.getAnnotation(WithName.class);
            String key = method.isAnnotationPresent(WithParentName.class)
                    ? prefix
                    : prefix + "." + (withName != null ? withName.value() : kebab(method.getName()));
            if (method.getReturnType() == Map.class) {
                // a map of named entries: switchboard.upstreams.<name>.url, switchboard.upstreams.<name>.headers.<name>
                Type value = ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[1];
                if (value instanceof Class<?> entry && entry.getName().startsWith("dev.switchboard.")) {
                    collect(entry, key + ".<name>", properties);
                } else {
                    properties.add(key); // the group: headers
                    properties.add(key + ".<name>");
                }
                continue;
            }
            Class<?> nested = groupType(method);
            if (nested != null) {
                collect(nested, key, properties);
            } else {
                properties.add(key);
            }
        }
    }

    /** The group interface a method returns (directly or in an Optional), or null for a leaf value. */
    private static Class<?> groupType(Method method) {
        Type type = method.getGenericReturnType();
        if (method.getReturnType() == Optional.class && type instanceof ParameterizedType) {
            type = ((ParameterizedType) type).getActualTypeArguments()[0];
        }
        if (type instanceof Class<?>) {
            Class<?> candidate = (Class<?>) type;
            if (candidate.isInterface() && candidate.getName().startsWith("dev.switchboard.")) {
                return candidate;
            }
        }
        return null;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private Set<String> envReferences() {
        Set<String> names = new TreeSet<>();
        Matcher matcher = ENV_REFERENCE.matcher(propertiesText);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Run-time settings of the Quarkus extensions on the class path, from their generated configuration model. */
    private static Set<String> quarkusRuntimeEnvNames() {
        Set<String> names = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        try {
            Enumeration<URL> models = AppSettings.class
                    .getClassLoader()
                    .getResources("META-INF/quarkus-config-doc/quarkus-config-model.json");
            for (URL model : Collections.list(models)) {
                try (InputStream in = model.openStream()) {
                    collectRuntimeEnvNames(json.readTree(in), names);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static void collectRuntimeEnvNames(JsonNode node, Set<String> names) {
        if (node.isObject()
                && "RUN_TIME".equals(node.path("phase").asText())
                && node.path("path").has("environmentVariable")) {
            names.add(node.path("path").path("environmentVariable").asText());
        }
        for (JsonNode child : node) {
            collectRuntimeEnvNames(child, names);
        }
    }
}
