package dev.switchboard.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.config.SwitchboardConfig;
import jakarta.inject.Singleton;

/**
 * The {@link ObjectMapper} that parses what clients POST to {@code /mcp}: the application's mapper with the stream
 * read constraints of {@code switchboard.limits.json}. It is a copy so that the limits bind only client input, not
 * the answers of upstream APIs or values read back from the session store.
 */
@Singleton
public class RequestJson {

    private static final String PREFIX = "switchboard.limits.json.";

    private final ObjectMapper mapper;
    private final SwitchboardConfig.Limits.Json limits;

    public RequestJson(JsonCodec json, SwitchboardConfig config) {
        this.limits = config.limits().json();
        JsonFactory factory = json.mapper()
                .getFactory()
                .copy()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxStringLength(limits.maxStringLength())
                        .maxNumberLength(limits.maxNumberLength())
                        .maxNameLength(limits.maxNameLength())
                        .build());
        this.mapper = json.mapper().copyWith(factory);
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** Names the limit a message broke and the setting that raises it, for the client's parse error. */
    public String explain(StreamConstraintsException e) {
        String jackson = String.valueOf(e.getOriginalMessage());
        if (jackson.contains("getMaxNestingDepth")) {
            return limit("nesting depth", limits.maxNestingDepth(), "max-nesting-depth");
        }
        if (jackson.contains("getMaxStringLength")) {
            return limit("string length", limits.maxStringLength(), "max-string-length");
        }
        if (jackson.contains("getMaxNumberLength")) {
            return limit("number length", limits.maxNumberLength(), "max-number-length");
        }
        if (jackson.contains("getMaxNameLength")) {
            return limit("property name length", limits.maxNameLength(), "max-name-length");
        }
        return "The JSON exceeds a size limit: " + jackson;
    }

    private static String limit(String what, int max, String key) {
        return "The JSON exceeds the maximum " + what + " of " + max + " (" + PREFIX + key + ")";
    }
}
