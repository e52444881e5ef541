package dev.switchboard.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.AppView;
import dev.switchboard.api.Tool;
import dev.switchboard.view.GeneratedView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's index of the tools' views (MCP Apps), and the mistakes that fail the build. */
class ViewIndexTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path classes;

    public static class Shared {
        @AppView(uri = "ui://t/board", html = "views/board.html", name = "Board")
        @Tool(description = "Shows the board.")
        public String show() {
            return "";
        }

        @AppView(uri = "ui://t/board", visibility = AppView.Visibility.APP)
        @Tool(description = "Refreshes the board.")
        public String refresh() {
            return "";
        }
    }

    public static class NamedOnly {
        @AppView(uri = "ui://t/nowhere")
        @Tool(description = "Names a view nobody gives.")
        public String orphan() {
            return "";
        }
    }

    public static class Twice {
        @AppView(uri = "ui://t/board", html = "views/board.html")
        @Tool(description = "Gives the board's html again.")
        public String again() {
            return "";
        }
    }

    public static class NotUi {
        @AppView(uri = "https://example.com/board", html = "views/board.html")
        @Tool(description = "A view that is no ui:// resource.")
        public String web() {
            return "";
        }
    }

    public static class Nobody {
        @AppView(
                uri = "ui://t/board",
                html = "views/board.html",
                visibility = {})
        @Tool(description = "A tool nobody may use.")
        public String hidden() {
            return "";
        }
    }

    @Test
    void aViewIsIndexedOnceWithItsSettingsAndItsToolsLinkToIt() throws Exception {
        html("views/board.html");
        assertEquals(1, new ViewIndex(mapper).write(classes, List.of(Shared.class)));
        JsonNode index = mapper.readTree(classes.resolve(GeneratedView.LOCATION).toFile());
        assertEquals(1, index.size());
        assertEquals("ui://t/board", index.at("/0/uri").asText());
        assertEquals("views/board.html", index.at("/0/html").asText());
        assertEquals("Board", index.at("/0/name").asText());
        assertTrue(index.at("/0/ui/prefersBorder").asBoolean());
        assertTrue(index.at("/0/ui/csp").isMissingNode(), "no CSP domains asked for: the host's strict default");
        assertEquals(
                List.of("app"),
                ViewIndex.link(Shared.class.getMethod("refresh")).visibility());
        assertTrue(ViewIndex.link(Shared.class.getMethod("refresh")).appOnly());
    }

    @Test
    void mistakesFailTheBuildNamingTheTool() throws Exception {
        assertTrue(assertThrows(BuildProblem.class, () -> new ViewIndex(mapper).write(classes, List.of(Shared.class)))
                .getMessage()
                .contains("names views/board.html, which is not on the class path"));
        html("views/board.html");
        assertTrue(assertThrows(
                        BuildProblem.class, () -> new ViewIndex(mapper).write(classes, List.of(NamedOnly.class)))
                .getMessage()
                .startsWith("The view ui://t/nowhere is named by @AppView but no tool gives its html"));
        assertTrue(assertThrows(
                        BuildProblem.class,
                        () -> new ViewIndex(mapper).write(classes, List.of(Shared.class, Twice.class)))
                .getMessage()
                .contains("has its html given twice"));
        assertTrue(assertThrows(BuildProblem.class, () -> ViewIndex.link(NotUi.class.getMethod("web")))
                .getMessage()
                .contains("must be a ui:// URI"));
        assertTrue(assertThrows(BuildProblem.class, () -> ViewIndex.link(Nobody.class.getMethod("hidden")))
                .getMessage()
                .contains("names nobody"));
    }

    private void html(String path) throws Exception {
        Files.createDirectories(classes.resolve(path).getParent());
        Files.writeString(classes.resolve(path), "<!DOCTYPE html><html><body>board</body></html>");
    }
}
