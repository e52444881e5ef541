package dev.switchboard.skill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.SharedApp;
import dev.switchboard.testing.Stateless;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Skills extension in both eras: declared (with {@code directoryRead}), {@code skills/list} and {@code skills/get}
 * with the frontmatter and a digest and size per file that match what {@code resources/read} answers, and
 * {@code resources/directory/read} of a skill's folders.
 */
@QuarkusTest
@SharedApp
class SkillsTest {

    private static final String SKILL = "skill://plan-a-day/SKILL.md";

    @Test
    void bothErasDeclareTheExtension() {
        Mcp.request()
                .body(Mcp.initializeBody("2025-11-25"))
                .post("/mcp")
                .then()
                .statusCode(200)
                .body(
                        "result.capabilities.extensions.'io.modelcontextprotocol/skills'",
                        org.hamcrest.Matchers.equalTo(Map.of("directoryRead", true)));
        Stateless.request("server/discover")
                .body(Stateless.body(1, "server/discover", ""))
                .post("/mcp")
                .then()
                .statusCode(200)
                .body(
                        "result.capabilities.extensions.'io.modelcontextprotocol/skills'",
                        org.hamcrest.Matchers.equalTo(Map.of("directoryRead", true)))
                .body(
                        "result.capabilities.extensions.'io.modelcontextprotocol/tasks'",
                        org.hamcrest.Matchers.equalTo(Map.of()));
    }

    @Test
    void theShippedSkillIsListedWithItsFrontmatterAndDigestsThatMatchItsFiles() throws Exception {
        String session = Mcp.initialize();
        JsonPath listed = Mcp.post(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"skills/list\",\"params\":{}}")
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(SKILL, listed.getString("result.skills[0].uri"), listed.prettify());
        assertEquals("plan-a-day", listed.getString("result.skills[0].frontmatter.name"));
        assertEquals("Apache-2.0", listed.getString("result.skills[0].frontmatter.license"), "every field, verbatim");
        assertTrue(
                listed.getString("result.skills[0].frontmatter.metadata.tools").contains("weather.get"));
        List<Map<String, Object>> files = listed.getList("result.skills[0].resources");
        assertEquals(
                List.of(SKILL, "skill://plan-a-day/references/checklist.md"),
                files.stream().map(file -> file.get("uri")).sorted().toList());
        for (Map<String, Object> file : files) {
            String text = Mcp.post(
                            session,
                            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"resources/read\",\"params\":{\"uri\":\""
                                    + file.get("uri") + "\"}}")
                    .statusCode(200)
                    .extract()
                    .path("result.contents[0].text");
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            assertEquals(((Number) file.get("size")).longValue(), bytes.length, "size of " + file.get("uri"));
            assertEquals(
                    "sha256:"
                            + HexFormat.of()
                                    .formatHex(
                                            MessageDigest.getInstance("SHA-256").digest(bytes)),
                    file.get("digest"),
                    "digest of " + file.get("uri"));
        }
        Mcp.post(
                        session,
                        "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"skills/get\",\"params\":{\"uri\":\"" + SKILL
                                + "\"}}")
                .statusCode(200)
                .body("result.skill.frontmatter.name", org.hamcrest.Matchers.equalTo("plan-a-day"));
        Mcp.post(
                        session,
                        "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"skills/get\",\"params\":{\"uri\":"
                                + "\"skill://nope/SKILL.md\"}}")
                .statusCode(200)
                .body("error.code", org.hamcrest.Matchers.equalTo(-32602))
                .body("error.message", org.hamcrest.Matchers.startsWith("Unknown skill: 'skill://nope/SKILL.md'"));
    }

    @Test
    void theStatelessEraListsThemWithCachingHints() {
        publiclyCached("skills/list", "")
                .body("result.resultType", org.hamcrest.Matchers.equalTo("complete"))
                .body("result.skills[0].uri", org.hamcrest.Matchers.equalTo(SKILL));
        publiclyCached("skills/get", "\"uri\":\"" + SKILL + "\"")
                .body("result.skill.resources.size()", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void aSkillsFoldersAreReadOneLevelAtATime() {
        String session = Mcp.initialize();
        JsonPath root = directory(session, "skill://plan-a-day");
        assertEquals(
                List.of(
                        Map.of(
                                "uri", "skill://plan-a-day/SKILL.md",
                                "name", "SKILL.md",
                                "mimeType", "text/markdown",
                                "size", fileSize(session, SKILL)),
                        Map.of(
                                "uri",
                                "skill://plan-a-day/references",
                                "name",
                                "references",
                                "mimeType",
                                "inode/directory")),
                root.getList("result.resources"),
                root.prettify());
        JsonPath references = directory(session, "skill://plan-a-day/references");
        assertEquals(
                List.of("skill://plan-a-day/references/checklist.md"),
                references.getList("result.resources.uri"),
                references.prettify());
        assertEquals("text/markdown", references.getString("result.resources[0].mimeType"));

        for (String notAFolder : List.of(SKILL, "skill://plan-a-day/references/checklist.md", "skill://nope", "x")) {
            JsonPath refused = directory(session, notAFolder);
            assertEquals(-32602, refused.getInt("error.code"), notAFolder + ": " + refused.prettify());
            assertTrue(
                    refused.getString("error.message").startsWith("Not a directory: '" + notAFolder + "'"),
                    refused.prettify());
        }
        Mcp.post(session, "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"resources/directory/read\",\"params\":{}}")
                .statusCode(200)
                .body("error.code", org.hamcrest.Matchers.equalTo(-32602))
                .body("error.message", org.hamcrest.Matchers.containsString("needs params.uri"));

        publiclyCached("resources/directory/read", "\"uri\":\"skill://plan-a-day/references\"")
                .body("result.resources[0].name", org.hamcrest.Matchers.equalTo("checklist.md"));
    }

    /** A 2026-07-28 answer to {@code method}: 200, and cacheable by anyone for a while (the shipped skills). */
    private static ValidatableResponse publiclyCached(String method, String params) {
        return Stateless.request(method)
                .body(Stateless.body(1, method, params))
                .post("/mcp")
                .then()
                .statusCode(200)
                .body("result.cacheScope", org.hamcrest.Matchers.equalTo("public"))
                .body("result.ttlMs", org.hamcrest.Matchers.notNullValue());
    }

    private static JsonPath directory(String session, String uri) {
        return Mcp.post(
                        session,
                        "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"resources/directory/read\",\"params\":{\"uri\":\""
                                + uri + "\"}}")
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The size skills/get gives the file: the one the folder's entry must repeat. */
    private static int fileSize(String session, String uri) {
        JsonPath skill = Mcp.post(
                        session,
                        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"skills/get\",\"params\":{\"uri\":\"" + SKILL
                                + "\"}}")
                .statusCode(200)
                .extract()
                .jsonPath();
        return skill.getInt("result.skill.resources.find { it.uri == '" + uri + "' }.size");
    }
}
