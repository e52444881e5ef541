package dev.switchboard.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Reads one service's OpenAPI document with swagger-parser, every {@code $ref} resolved. */
final class OpenApiDocument {

    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(30);

    private OpenApiDocument() {}

    /**
     * @throws IllegalStateException naming the setting and the problem when the document cannot be read or parsed
     */
    static OpenAPI read(String name, String location) {
        String setting = "switchboard.openapi." + name + ".document";
        String text;
        try {
            text = text(location);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException(setting + "=" + location + " cannot be read: there is no such file", e);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(setting + "=" + location + " cannot be read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(setting + "=" + location + " was not read: interrupted", e);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        // Relative $refs to other files resolve against the document's file or URL.
        String base = location.startsWith("classpath:") || location.startsWith("http")
                ? (location.startsWith("http") ? location : null)
                : Path.of(location).toAbsolutePath().toString();
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(text, null, options, base);
        OpenAPI openApi = parsed.getOpenAPI();
        if (openApi == null || openApi.getPaths() == null) {
            List<String> messages = parsed.getMessages() == null ? List.of() : parsed.getMessages();
            throw new IllegalStateException(setting + "=" + location + " is not an OpenAPI 3 document"
                    + (messages.isEmpty()
                            ? ""
                            : ": " + String.join("; ", messages.subList(0, Math.min(5, messages.size())))));
        }
        return openApi;
    }

    private static String text(String location) throws IOException, InterruptedException {
        if (location.startsWith("classpath:")) {
            String resource = location.substring("classpath:".length()).replaceFirst("^/", "");
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("no such resource on the class path");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        if (location.startsWith("http://") || location.startsWith("https://")) {
            HttpResponse<String> response = HttpClient.newBuilder()
                    .connectTimeout(FETCH_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create(location))
                                    .timeout(FETCH_TIMEOUT)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            return response.body();
        }
        return Files.readString(Path.of(location));
    }
}
