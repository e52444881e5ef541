package dev.switchboard.openapi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.testing.OpenApiDocuments;
import io.swagger.v3.oas.models.OpenAPI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GitHub's REST API, 1,223 operations in 13 MB, read and turned into tools: how long and how much memory. */
class OpenApiImportTest {

    @Test
    void aDocumentWithHundredsOfOperationsImportsInSeconds() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long heapBefore = runtime.totalMemory() - runtime.freeMemory();
        long started = System.nanoTime();
        OpenAPI document = OpenApiDocument.read("github", OpenApiDocuments.path(OpenApiDocuments.GITHUB));
        long parsed = System.nanoTime();
        List<OpenApiCatalog.Entry> tools = new OperationTools("github", new ObjectMapper()).entries(document);
        long mapped = System.nanoTime();
        System.gc();
        long heapAfter = runtime.totalMemory() - runtime.freeMemory();
        long schemaChars = tools.stream()
                .mapToLong(tool -> tool.descriptor().inputSchema().toString().length()
                        + (tool.descriptor().outputSchema() == null
                                ? 0
                                : tool.descriptor().outputSchema().toString().length()))
                .sum();
        System.out.printf(
                "GitHub's document: %d tools; read and resolved in %d ms, mapped in %d ms; heap +%d MiB with the"
                        + " document held; schemas %d KiB in all%n",
                tools.size(),
                (parsed - started) / 1_000_000,
                (mapped - parsed) / 1_000_000,
                (heapAfter - heapBefore) >> 20,
                schemaChars >> 10);
        assertTrue(tools.size() > 1_000, "tools: " + tools.size());
        assertTrue((mapped - started) / 1_000_000_000 < 60, "took " + (mapped - started) / 1_000_000 + " ms");
        assertTrue(document.getPaths().size() > 500);
    }
}
