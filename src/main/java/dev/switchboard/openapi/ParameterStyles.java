package dev.switchboard.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** How parameter values are written, per OpenAPI's {@code style} and {@code explode}. */
final class ParameterStyles {

    private ParameterStyles() {}

    /** {@code simple} (path and header): arrays and objects comma-separated; objects as {@code k=v} when exploded. */
    static String simple(JsonNode value, Operation.Parameter parameter) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(scalar(item)));
            return String.join(",", items);
        }
        if (value.isObject()) {
            List<String> items = new ArrayList<>();
            value.fields()
                    .forEachRemaining(field -> items.add(
                            parameter.explode()
                                    ? field.getKey() + "=" + scalar(field.getValue())
                                    : field.getKey() + "," + scalar(field.getValue())));
            return String.join(",", items);
        }
        return scalar(value);
    }

    /** Appends a query parameter: {@code form} (exploded or not), space- or pipe-delimited arrays, {@code deepObject}. */
    static void query(StringBuilder query, Operation.Parameter parameter, JsonNode value) {
        String name = parameter.name();
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(scalar(item)));
            switch (parameter.style()) {
                case "spaceDelimited" -> add(query, name, String.join(" ", items));
                case "pipeDelimited" -> add(query, name, String.join("|", items));
                default -> {
                    if (parameter.explode()) {
                        items.forEach(item -> add(query, name, item));
                    } else {
                        add(query, name, String.join(",", items));
                    }
                }
            }
        } else if (value.isObject()) {
            if ("deepObject".equals(parameter.style())) {
                value.fields()
                        .forEachRemaining(
                                field -> add(query, name + "[" + field.getKey() + "]", scalar(field.getValue())));
            } else if (parameter.explode()) {
                value.fields().forEachRemaining(field -> add(query, field.getKey(), scalar(field.getValue())));
            } else {
                add(query, name, simple(value, parameter));
            }
        } else {
            add(query, name, scalar(value));
        }
    }

    static void add(StringBuilder query, String name, String value) {
        if (query.length() > 0) {
            query.append('&');
        }
        query.append(encode(name)).append('=').append(encode(value));
    }

    /** A path segment: everything but unreserved characters percent-encoded, so a value cannot add a segment. */
    static String encodePath(String value) {
        return encode(value).replace("+", "%20");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String scalar(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
