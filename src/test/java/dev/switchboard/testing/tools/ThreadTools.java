package dev.switchboard.testing.tools;

import dev.switchboard.api.McpTool;
import dev.switchboard.api.NoArguments;
import dev.switchboard.api.ToolContext;
import dev.switchboard.api.ToolDefinition;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;

/** Two tools that answer the name of the thread they ran on: one declared non-blocking, one blocking (the default). */
public final class ThreadTools {

    private ThreadTools() {}

    @ApplicationScoped
    @RegisterForReflection
    @IfBuildProperty(name = TestTools.PROPERTY, stringValue = "true")
    @ToolDefinition(name = "test.thread.computing", description = "Answers its thread's name; never blocks.")
    public static class Computing implements McpTool<NoArguments, String> {

        @Override
        public String call(NoArguments arguments, ToolContext context) {
            return Thread.currentThread().getName();
        }

        @Override
        public boolean blocking() {
            return false;
        }
    }

    @ApplicationScoped
    @RegisterForReflection
    @IfBuildProperty(name = TestTools.PROPERTY, stringValue = "true")
    @ToolDefinition(name = "test.thread.blocking", description = "Answers its thread's name; may block.")
    public static class Blocking implements McpTool<NoArguments, String> {

        @Override
        public String call(NoArguments arguments, ToolContext context) {
            return Thread.currentThread().getName();
        }
    }
}
