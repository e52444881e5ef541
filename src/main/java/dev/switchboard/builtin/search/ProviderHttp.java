package dev.switchboard.builtin.search;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.ToolException;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Sends a provider request, repeats it after failures that may pass (a timeout, a network error, a 5xx answer) but
 * not after a refusal (4xx), reads the JSON body, and turns every failure into a {@link ToolException} the model can
 * act on. Logs say which provider failed and how, never the query or a credential.
 */
final class ProviderHttp {

    private static final Logger LOG = Logger.getLogger(ProviderHttp.class);
    private static final long RETRY_DELAY_MILLIS = 200;
    private static final long RETRY_JITTER_MILLIS = 100;

    private final String title;
    private final Duration timeout;
    private final int attempts;
    private final Refusal refusal;
    private final ObjectMapper mapper;
    private final Guard guard;

    /**
     * @param title the provider as people know it, e.g. "Brave Search"
     * @param refusal the message for a 4xx status, saying what to do about it
     */
    ProviderHttp(String title, SearchConfig config, Refusal refusal, ObjectMapper mapper) {
        this.title = title;
        this.timeout = config.timeout();
        this.attempts = config.retries() + 1;
        this.refusal = refusal;
        this.mapper = mapper;
        this.guard = Guard.create()
                .withDescription(title + " search")
                .withRetry()
                .maxRetries(config.retries())
                .delay(RETRY_DELAY_MILLIS, ChronoUnit.MILLIS)
                .jitter(RETRY_JITTER_MILLIS, ChronoUnit.MILLIS)
                .retryOn(Unavailable.class)
                .done()
                .build();
    }

    /** Runs {@code request}, retrying as configured, and reads its JSON body as {@code answerType}. */
    <T> T get(Supplier<String> request, Class<T> answerType) {
        String body;
        try {
            body = guard.get(() -> attempt(request), String.class);
        } catch (Unavailable e) {
            LOG.warnf("%s is unavailable: it %s (%d attempts)", title, e.getMessage(), attempts);
            throw new ToolException("Search provider unavailable: " + title + " " + e.getMessage() + " (" + attempts
                    + (attempts == 1 ? " attempt" : " attempts") + "); try again later");
        }
        try {
            T answer = mapper.readValue(body == null ? "" : body, answerType);
            if (answer == null) {
                throw malformed();
            }
            return answer;
        } catch (JacksonException e) {
            throw malformed();
        }
    }

    /** The provider answered, but not with what its API documents. */
    ToolException malformed() {
        LOG.warnf("%s answered a search with a body that is not its JSON search results", title);
        return new ToolException("Search provider returned a malformed answer: " + title
                + " did not answer with its JSON search results; try again later");
    }

    private String attempt(Supplier<String> request) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 500) {
                throw new Unavailable("answered HTTP " + status);
            }
            LOG.warnf("%s refused a search with HTTP %d", title, status);
            throw new ToolException(refusal.message(status, errorBody(e)));
        } catch (ProcessingException e) {
            if (Thread.currentThread().isInterrupted() || causedBy(e, InterruptedException.class)) {
                throw new ToolException("The search was cancelled");
            }
            // Vert.x reports its connect and idle timeouts as java.util.concurrent.TimeoutException subclasses.
            boolean timedOut = causedBy(e, TimeoutException.class) || causedBy(e, SocketTimeoutException.class);
            throw new Unavailable(timedOut ? "did not answer within " + readable(timeout) : "could not be reached");
        }
    }

    /** The body of an error answer, for the provider's error code; "" when there is none or it cannot be read. */
    private static String errorBody(WebApplicationException e) {
        try {
            String body = e.getResponse().hasEntity() ? e.getResponse().readEntity(String.class) : "";
            return body == null ? "" : body;
        } catch (RuntimeException unreadable) {
            return "";
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String readable(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** What a provider's refusal (a 4xx answer) means, in words that say what to do about it. */
    @FunctionalInterface
    interface Refusal {
        String message(int status, String body);
    }

    /** A failure worth another attempt; its message completes "the provider ...". */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message, null, false, false);
        }
    }
}
