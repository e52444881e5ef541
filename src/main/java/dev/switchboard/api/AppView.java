package dev.switchboard.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a {@link Tool} an interactive view (the MCP Apps extension, {@code io.modelcontextprotocol/ui}): hosts that
 * support it render the tool's results in the view, an HTML page shipped in {@code src/main/resources}; clients that
 * do not see the plain tool.
 *
 * <p>The view is the {@code ui://} resource {@link #uri}; one of the tools naming a URI gives its {@link #html} and
 * its settings, the others (say, an app-only tool its buttons call) name the URI alone. The build checks the file
 * exists and that every URI has exactly one declaration with {@code html}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AppView {

    /** The view's resource URI, {@code ui://...}, e.g. {@code ui://switchboard/weather}. */
    String uri();

    /**
     * The view's HTML on the class path (a file under {@code src/main/resources}), e.g. {@code views/weather.html}: a
     * complete, self-contained HTML5 document. Empty when another tool declares the view.
     */
    String html() default "";

    /**
     * Who may use the tool: the model (it is listed to the agent) and the view. A tool for the view alone
     * ({@code APP}) is left out of the lists of clients that do not support views.
     */
    Visibility[] visibility() default {Visibility.MODEL, Visibility.APP};

    /** The view's name in resource lists; empty for the tool's name. */
    String name() default "";

    /** What the view shows. */
    String description() default "";

    /** Whether the host should draw a border and background around the view. */
    boolean prefersBorder() default true;

    /** Origins the view may connect to (fetch, WebSocket); none by default. */
    String[] connectDomains() default {};

    /** Origins the view may load scripts, styles, images and fonts from; none by default. */
    String[] resourceDomains() default {};

    /** Origins the view may embed in frames; none by default. */
    String[] frameDomains() default {};

    /** Origins allowed as the document's base URI; the view's own by default. */
    String[] baseUriDomains() default {};

    /** Browser capabilities the view asks the host for. */
    Permission[] permissions() default {};

    /** Who may use a tool that has a view. */
    enum Visibility {
        MODEL,
        APP;

        public String wire() {
            return name().toLowerCase();
        }
    }

    /** Browser capabilities a view may ask for (hosts may refuse them). */
    enum Permission {
        CAMERA("camera"),
        MICROPHONE("microphone"),
        GEOLOCATION("geolocation"),
        CLIPBOARD_WRITE("clipboardWrite");

        private final String wire;

        Permission(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }
}
