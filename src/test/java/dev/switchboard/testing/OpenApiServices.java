package dev.switchboard.testing;

import java.util.Map;

/**
 * Three real OpenAPI documents mounted as tools, their services played by one WireMock: the Swagger Petstore
 * ({@code petstore.}, an API key for {@code api_key}, a 2 s timeout), ReadMe's security example ({@code secure.}, a
 * secret for bearer, basic and the three API keys), GitHub's REST API ({@code github.}, 1,221 operations) and a
 * document of our own shipped on the class path ({@code notes.}, its catalog built at build time). The
 * memory store; tools listed in pages of 400.
 */
public class OpenApiServices extends WireMockStub {

    public static final String PET_KEY = "pet-key-4c1d9e";
    public static final String PET_SCOPE = "pets";
    public static final String BEARER = "bearer-7b2f61";
    public static final String PASSWORD = "alice:s3cret-8d0a";
    public static final String HEADER_KEY = "header-key-1e55";
    public static final String QUERY_KEY = "query-key-93aa";
    public static final String COOKIE_KEY = "cookie-key-06bd";
    public static final String NOTES_TOKEN = "notes-token-5a5a";

    @Override
    protected Map<String, String> config(String baseUrl) {
        return Map.ofEntries(
                Map.entry("switchboard.sessions.store", "memory"),
                Map.entry("quarkus.redis.hosts", "redis://127.0.0.1:1"),
                Map.entry("switchboard.weather.provider", "offline"),
                Map.entry("switchboard.tools.page-size", "400"),
                Map.entry("switchboard.openapi.petstore.document", OpenApiDocuments.path(OpenApiDocuments.PETSTORE)),
                Map.entry("switchboard.openapi.petstore.base-url", baseUrl + "/v2"),
                Map.entry("switchboard.openapi.petstore.credentials.api_key", PET_KEY),
                Map.entry("switchboard.openapi.petstore.timeout", "2s"),
                Map.entry("switchboard.openapi.petstore.scopes", PET_SCOPE),
                Map.entry("switchboard.openapi.secure.document", OpenApiDocuments.path(OpenApiDocuments.SECURITY)),
                Map.entry("switchboard.openapi.secure.base-url", baseUrl),
                Map.entry("switchboard.openapi.secure.credentials.bearer", BEARER),
                Map.entry("switchboard.openapi.secure.credentials.basic", PASSWORD),
                Map.entry("switchboard.openapi.secure.credentials.apiKey_header", HEADER_KEY),
                Map.entry("switchboard.openapi.secure.credentials.apiKey_query", QUERY_KEY),
                Map.entry("switchboard.openapi.secure.credentials.apiKey_cookie", COOKIE_KEY),
                Map.entry("switchboard.openapi.github.document", OpenApiDocuments.path(OpenApiDocuments.GITHUB)),
                Map.entry("switchboard.openapi.github.base-url", baseUrl),
                Map.entry("switchboard.openapi.notes.document", "classpath:openapi/notes.yaml"),
                Map.entry("switchboard.openapi.notes.base-url", baseUrl + "/api"),
                Map.entry("switchboard.openapi.notes.credentials.token", NOTES_TOKEN));
    }
}
