package dev.switchboard.openapi;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * One OpenAPI operation, as much of it as a call needs.
 *
 * @param method the HTTP method, upper case
 * @param path the path template, e.g. {@code /repos/{owner}/{repo}}
 * @param parameters its path, query, header and cookie parameters, each under the argument name the tool uses
 * @param body the argument holding the JSON request body, or null when it takes none
 * @param security the alternatives of security schemes it asks for (any one, all of its schemes), by scheme name
 * @param structured it has an output schema: a JSON answer is also structured content
 * @param wrapsResult the output schema wraps a non-object answer as {@code {"result": ...}}
 */
@RegisterForReflection // read back from a catalog built at build time (OpenApiCatalog)
public record Operation(
        String method,
        String path,
        List<Parameter> parameters,
        String body,
        List<List<String>> security,
        boolean structured,
        boolean wrapsResult) {

    /**
     * @param argument the tool argument carrying it
     * @param name its name in the request
     * @param in {@code path}, {@code query}, {@code header} or {@code cookie}
     * @param style how a value is written ({@code form}, {@code simple}, {@code deepObject}, ...)
     * @param explode whether an array or object becomes several parameters
     */
    public record Parameter(String argument, String name, String in, String style, boolean explode) {}

    /** A security scheme as the document declares it. */
    public record Scheme(String type, String scheme, String in, String name) {}
}
