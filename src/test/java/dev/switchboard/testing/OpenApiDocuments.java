package dev.switchboard.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real OpenAPI documents nobody here wrote, installed from npm by scripts/install-conformance.sh (locked in
 * scripts/npm/openapi-documents): GitHub's REST API and ReadMe's examples, among them the Swagger Petstore.
 */
public final class OpenApiDocuments {

    private static final Path ROOT = Path.of(".cache/conformance/openapi-documents/node_modules");

    /** GitHub's REST API, OpenAPI 3.0.3, 1,223 operations, 13 MB. */
    public static final Path GITHUB = ROOT.resolve("@octokit/openapi/generated/api.github.com.json");

    /** The Swagger Petstore, OpenAPI 3.0: path parameters, JSON bodies, an API key and OAuth 2. */
    public static final Path PETSTORE = ROOT.resolve("@readme/oas-examples/3.0/json/petstore.json");

    /** ReadMe's security example, OpenAPI 3.1: bearer, basic, API keys in a header, query and cookie. */
    public static final Path SECURITY = ROOT.resolve("@readme/oas-examples/3.1/json/security.json");

    private OpenApiDocuments() {}

    /** The absolute path of an installed document; fails with what to run when it is missing. */
    public static String path(Path document) {
        assertTrue(
                Files.isRegularFile(document),
                document + " is not installed: run scripts/install-conformance.sh (scripts/test.sh does it for you)");
        return document.toAbsolutePath().toString();
    }
}
