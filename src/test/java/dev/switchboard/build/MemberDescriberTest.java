package dev.switchboard.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.Description;
import dev.switchboard.api.McpResource;
import dev.switchboard.api.Prompt;
import dev.switchboard.api.PromptArgument;
import dev.switchboard.api.PromptContext;
import dev.switchboard.api.RequiresScopes;
import dev.switchboard.api.Resource;
import dev.switchboard.api.ResourceContents;
import dev.switchboard.api.ResourceContext;
import dev.switchboard.api.ResourceTemplate;
import dev.switchboard.registry.GeneratedTool.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What resource, template and prompt methods become in the registry files, and every mistake the build refuses. */
class MemberDescriberTest {

    private static final MemberDescriber DESCRIBER = new MemberDescriber();

    @ApplicationScoped
    @RequiresScopes("atlas")
    public static class Atlas {

        @Resource(uri = "atlas://index", mimeType = "text/plain")
        @RequiresScopes("maps")
        public String index() {
            return "";
        }

        @ResourceTemplate(uriTemplate = "atlas://maps/{country}/{city}", name = "map")
        public ResourceContents city(String city, ResourceContext context) {
            return null;
        }

        @Prompt(description = "Plans a route.")
        public String route(@Description("Where from") @NotBlank String from, String to, PromptContext context) {
            return "";
        }
    }

    @ApplicationScoped
    public static class WrongVariable {
        @ResourceTemplate(uriTemplate = "atlas://maps/{country}")
        public String map(String city) {
            return "";
        }
    }

    @ApplicationScoped
    public static class WrongParameter {
        @Resource(uri = "atlas://index")
        public String index(String city) {
            return "";
        }
    }

    @ApplicationScoped
    public static class WrongResult {
        @Prompt(description = "Counts.")
        public int count() {
            return 0;
        }
    }

    @ApplicationScoped
    public static class RelativeUri {
        @Resource(uri = "index")
        public String index() {
            return "";
        }
    }

    @ApplicationScoped
    public static class TwoKinds {
        @Resource(uri = "atlas://index")
        @Prompt(description = "Both.")
        public String both() {
            return "";
        }
    }

    public static class NotABean {
        @Prompt(description = "Stray.")
        public String stray() {
            return "";
        }
    }

    @Resource(uri = "atlas://class", name = "class")
    public static class NotAResource {}

    /** Not a bean, or the tests' Quarkus application would find it (and refuse to start, as it should). */
    @Resource(uri = "atlas://unnamed")
    public static class Unnamed implements McpResource {
        @Override
        public ResourceContents read(ResourceContext context) {
            return null;
        }
    }

    @Test
    void methodsAreNamedAfterThemselvesAndBoundByRole() {
        MemberDescriber.Members members = DESCRIBER.describe(Atlas.class);
        assertEquals("index", members.resources().get(0).descriptor().name());
        assertEquals("text/plain", members.resources().get(0).descriptor().mimeType());
        assertEquals(
                Set.of("atlas", "maps"), members.resources().get(0).method().scopes());
        assertEquals("map", members.templates().get(0).descriptor().name());
        assertEquals(
                List.of(Role.ARGUMENT, Role.CONTEXT),
                members.templates().get(0).method().parameters().stream()
                        .map(p -> p.role())
                        .toList());
        assertEquals(List.of("city"), members.templates().get(0).method().argumentNames());
        assertEquals(Set.of("atlas"), members.templates().get(0).method().scopes());
        assertEquals("route", members.prompts().get(0).descriptor().name());
        assertEquals(
                List.of(new PromptArgument("from", "Where from", true), new PromptArgument("to", null, false)),
                members.prompts().get(0).descriptor().arguments());
        assertEquals(3, members.methods().size());
    }

    @Test
    void mistakesStopTheBuildNamingTheMethod() {
        assertProblem(WrongVariable.class, "#map: parameter 'city' is not a variable of 'atlas://maps/{country}'");
        assertProblem(WrongParameter.class, "#index: parameter 'city' of type String cannot be bound");
        assertProblem(WrongResult.class, "#count must return PromptResult or String, not int");
        assertProblem(RelativeUri.class, "#index has the invalid URI 'index'");
        assertProblem(TwoKinds.class, "#both carries more than one of @Resource, @ResourceTemplate and @Prompt");
        assertProblem(NotABean.class, " declares resources or prompts but is not a CDI bean");
    }

    @Test
    void theAnnotationOnAClassNeedsItsInterfaceAndAName() {
        assertProblem(NotAResource.class, " has @Resource but does not implement McpResource");
        assertProblem(Unnamed.class, " must give its name: @Resource(name = \"...\")");
    }

    private static void assertProblem(Class<?> type, String expected) {
        String message =
                assertThrows(BuildProblem.class, () -> DESCRIBER.describe(type)).getMessage();
        assertTrue(message.contains(type.getName()) && message.contains(expected), message);
    }
}
