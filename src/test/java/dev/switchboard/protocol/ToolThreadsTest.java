package dev.switchboard.protocol;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.testing.Mcp;
import dev.switchboard.testing.SharedApp;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A tool that declares it never blocks runs on the request's event loop; any other tool on a worker thread. Both run
 * in their request's CDI request context, the worker too (WorkerHop hands it over).
 */
@QuarkusTest
@SharedApp
class ToolThreadsTest {

    @Test
    void nonBlockingToolsRunWithoutAThreadHop() {
        String session = Mcp.initialize();
        String computing = thread(session, 2, "test.thread.computing");
        String blocking = thread(session, 3, "test.thread.blocking");
        assertTrue(computing.startsWith("vert.x-eventloop-thread-"), computing);
        assertFalse(blocking.startsWith("vert.x-eventloop-thread-"), blocking);
    }

    @Test
    void aBlockingToolSeesItsOwnRequestsContext() {
        String session = Mcp.initialize();
        String first = requestOf(thread(session, 2, "test.thread.blocking"));
        String second = requestOf(thread(session, 3, "test.thread.blocking"));
        assertFalse(first.isBlank());
        assertNotEquals(first, second, "each call runs in its own request's context");
    }

    private static String requestOf(String answer) {
        int at = answer.indexOf(" in request ");
        int end = answer.indexOf(" of trace ");
        assertTrue(at > 0 && end > at, answer);
        return answer.substring(at + " in request ".length(), end);
    }

    private static String thread(String session, int id, String tool) {
        return Mcp.post(session, Mcp.call(id, tool, "{}"))
                .statusCode(200)
                .body("result.isError", equalTo(false))
                .extract()
                .path("result.content[0].text");
    }
}
