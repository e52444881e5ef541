package dev.switchboard.upstream;

import static dev.switchboard.testing.Mcp.initialize;
import static dev.switchboard.testing.Mcp.post;
import static org.hamcrest.Matchers.equalTo;

import dev.switchboard.testing.Await;
import dev.switchboard.testing.UpstreamProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Completions of the reference server's prompt arguments and template variables, asked of it through us. */
@QuarkusTest
@TestProfile(UpstreamProfile.class)
class UpstreamCompletionsTest {

    @Test
    void promptArgumentsAndTemplateVariablesAreCompletedByTheUpstream() {
        String session = initialize();
        Await.until(
                Duration.ofSeconds(30), () -> "everything.completable-prompt was never listed", () -> listed(session));
        post(
                        session,
                        complete(
                                2,
                                "{\"type\":\"ref/prompt\",\"name\":\"everything.completable-prompt\"}",
                                "department",
                                "En"))
                .statusCode(200)
                .body("result.completion.values", equalTo(List.of("Engineering")));
        post(
                        session,
                        complete(
                                3,
                                "{\"type\":\"ref/resource\",\"uri\":\"demo://resource/dynamic/text/{resourceId}\"}",
                                "resourceId",
                                "3"))
                .statusCode(200)
                .body("result.completion.values", equalTo(List.of("3")));
        post(
                        session,
                        complete(
                                4,
                                "{\"type\":\"ref/resource\",\"uri\":\"demo://resource/dynamic/text/{resourceId}\"}",
                                "resourceId",
                                "x"))
                .statusCode(200)
                .body("result.completion.values", equalTo(List.of()));
    }

    /** Whether the prompt is listed; pages are of 2 here. */
    private static boolean listed(String session) {
        String cursor = null;
        for (int page = 0; page < 20; page++) {
            String params = cursor == null ? "{}" : "{\"cursor\":\"" + cursor + "\"}";
            var listed = post(
                            session,
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"prompts/list\",\"params\":" + params + "}")
                    .extract()
                    .jsonPath();
            if (listed.getList("result.prompts.name").contains("everything.completable-prompt")) {
                return true;
            }
            cursor = listed.getString("result.nextCursor");
            if (cursor == null) {
                return false;
            }
        }
        return false;
    }

    private static String complete(int id, String ref, String argument, String value) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"completion/complete\",\"params\":{\"ref\":" + ref
                + ",\"argument\":{\"name\":\"" + argument + "\",\"value\":\"" + value + "\"}}}";
    }
}
