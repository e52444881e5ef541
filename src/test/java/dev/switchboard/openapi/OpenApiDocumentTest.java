package dev.switchboard.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.testing.OpenApiDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A document that cannot be used stops start-up with a message naming the setting and the problem. */
class OpenApiDocumentTest {

    @TempDir
    Path dir;

    @Test
    void aMissingFileNamesTheSetting() {
        IllegalStateException refused = assertThrows(
                IllegalStateException.class,
                () -> OpenApiDocument.read("crm", dir.resolve("nope.yaml").toString()));
        assertTrue(
                refused.getMessage()
                        .startsWith(
                                "switchboard.openapi.crm.document=" + dir.resolve("nope.yaml") + " cannot be read: "),
                refused.getMessage());
    }

    @Test
    void somethingElseThanOpenApi3IsRefused() throws Exception {
        Path swagger2 = Files.writeString(
                dir.resolve("old.yaml"), "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n");
        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> OpenApiDocument.read("crm", swagger2.toString()));
        assertTrue(refused.getMessage().contains("is not an OpenAPI 3 document"), refused.getMessage());
    }

    @Test
    void aYamlDocumentWithARelativeRefIsRead() throws Exception {
        Files.writeString(dir.resolve("pet.yaml"), "type: object\nproperties: {name: {type: string}}\n");
        Path api = Files.writeString(dir.resolve("api.yaml"), """
                openapi: 3.0.3
                info: {title: t, version: '1'}
                servers: [{url: 'https://api.example.com'}]
                paths:
                  /pets/{id}:
                    get:
                      operationId: getPet
                      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                      responses:
                        '200':
                          description: ok
                          content: {application/json: {schema: {$ref: 'pet.yaml'}}}
                """);
        var schema = OpenApiDocument.read("pets", api.toString())
                .getPaths()
                .get("/pets/{id}")
                .getGet()
                .getResponses()
                .get("200")
                .getContent()
                .get("application/json")
                .getSchema();
        assertEquals(
                "string",
                new JsonSchemas(new com.fasterxml.jackson.databind.ObjectMapper())
                        .of(schema)
                        .at("/properties/name/type")
                        .asText());
        assertTrue(Files.isRegularFile(Path.of(OpenApiDocuments.path(OpenApiDocuments.PETSTORE))));
    }
}
