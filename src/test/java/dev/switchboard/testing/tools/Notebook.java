package dev.switchboard.testing.tools;

import dev.switchboard.api.Description;
import dev.switchboard.api.Prompt;
import dev.switchboard.api.PromptMessage;
import dev.switchboard.api.PromptResult;
import dev.switchboard.api.Resource;
import dev.switchboard.api.ResourceTemplate;
import dev.switchboard.api.Tool;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.TreeMap;

/**
 * One bean with a tool, a resource, a resource template and a prompt, each an annotated method named by its method:
 * the symmetric author API as an author writes it. Present with the conformance fixtures.
 */
@ApplicationScoped
@IfBuildProperty(name = "switchboard-conformance.fixtures", stringValue = "true")
public class Notebook {

    private final Map<String, String> pages = new TreeMap<>();

    @Tool(description = "Writes a page of the notebook, replacing what it held.", idempotent = true)
    public synchronized String writePage(
            @Description("The page's name") @NotBlank @Size(max = 40) String page,
            @Description("What the page says") @NotBlank String text) {
        pages.put(page, text);
        return "Wrote page '" + page + "'";
    }

    @Resource(uri = "test://notebook", description = "The names of the notebook's pages", mimeType = "text/plain")
    public synchronized String pageIndex() {
        return String.join("\n", pages.keySet());
    }

    @ResourceTemplate(uriTemplate = "test://notebook/{page}", description = "One page", mimeType = "text/plain")
    public synchronized String page(String page) {
        return pages.get(page);
    }

    @Prompt(description = "Asks the model to summarise a page.")
    public synchronized PromptResult summarisePage(
            @Description("The page to summarise") @NotBlank String page,
            @Description("How many words; a few when omitted") String words) {
        String text = pages.get(page);
        if (text == null) {
            throw new IllegalArgumentException("No page '" + page + "' in the notebook; write it first");
        }
        return PromptResult.of(
                PromptMessage.user("Summarise in " + (words == null ? "a few" : words) + " words: " + text));
    }
}
