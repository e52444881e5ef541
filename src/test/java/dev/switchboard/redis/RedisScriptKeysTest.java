package dev.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every key a Lua script touches is declared in {@code KEYS}, or built from a declared key ({@code KEYS[3] .. name}):
 * a Redis Cluster routes a script by its declared keys and refuses them unless they share a slot, but does not see a
 * key a script builds from {@code ARGV} or from what it read, which may then sit in another slot (Redis 7 runs it
 * anyway when that slot is on the same node, and the script breaks only when the slots are moved apart). The keys of
 * one script sharing a slot is checked where they are run: the store tests on the cluster.
 */
class RedisScriptKeysTest {

    /** Commands whose arguments name no key. */
    private static final Set<String> KEYLESS = Set.of("TIME", "PUBLISH");

    /** Commands all of whose arguments are keys. */
    private static final Set<String> ALL_KEYS = Set.of("DEL", "EXISTS", "UNLINK");

    @Test
    void everyKeyAScriptTouchesIsDeclaredOrBuiltFromADeclaredKey() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/redis"))) {
            scripts = files.filter(file -> file.toString().endsWith(".lua"))
                    .sorted()
                    .toList();
        }
        assertFalse(scripts.isEmpty());
        List<String> undeclared = new ArrayList<>();
        int calls = 0;
        for (Path script : scripts) {
            String source = Files.readString(script, StandardCharsets.UTF_8);
            for (List<String> call : calls(source)) {
                calls++;
                String command = call.get(0).replace("'", "").replace("\"", "").toUpperCase();
                if (KEYLESS.contains(command)) {
                    continue;
                }
                List<String> keys = ALL_KEYS.contains(command) ? call.subList(1, call.size()) : call.subList(1, 2);
                for (String key : keys) {
                    if (!key.startsWith("KEYS[")) {
                        undeclared.add(script.getFileName() + ": " + command + " " + key);
                    }
                }
            }
        }
        assertEquals(List.of(), undeclared, "keys not declared in KEYS (of " + calls + " redis.call)");
    }

    @Test
    void theCheckFindsAKeyBuiltFromArgv() {
        List<List<String>> found = calls(
                "redis.call('DEL', KEYS[1], ARGV[1] .. 'x')\nredis.call('PUBLISH', ARGV[1], cjson.encode({a = 1}))");
        assertEquals(
                List.of(
                        List.of("'DEL'", "KEYS[1]", "ARGV[1] .. 'x'"),
                        List.of("'PUBLISH'", "ARGV[1]", "cjson.encode({a = 1})")),
                found);
    }

    /** The arguments of each {@code redis.call(...)}, split at their top-level commas. */
    private static List<List<String>> calls(String source) {
        List<List<String>> calls = new ArrayList<>();
        int at = source.indexOf("redis.call(");
        while (at >= 0) {
            int depth = 0;
            char quote = 0;
            List<String> arguments = new ArrayList<>();
            StringBuilder argument = new StringBuilder();
            int i = at + "redis.call(".length();
            for (; i < source.length(); i++) {
                char c = source.charAt(i);
                if (quote != 0) {
                    argument.append(c);
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                    argument.append(c);
                } else if (c == '(' || c == '{' || c == '[') {
                    depth++;
                    argument.append(c);
                } else if ((c == ')' || c == '}' || c == ']') && depth > 0) {
                    depth--;
                    argument.append(c);
                } else if (c == ')') {
                    break;
                } else if (c == ',' && depth == 0) {
                    arguments.add(argument.toString().trim());
                    argument.setLength(0);
                } else {
                    argument.append(c);
                }
            }
            arguments.add(argument.toString().trim());
            calls.add(arguments);
            at = source.indexOf("redis.call(", i);
        }
        return calls;
    }
}
