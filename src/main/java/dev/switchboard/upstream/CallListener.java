package dev.switchboard.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.api.ToolContext;
import java.io.Closeable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What an upstream sends on a call's stream before its answer: progress and log notifications for our caller, and
 * (session era) its questions, asked of our caller and answered back. Keeps the stream, so a cancellation can close it.
 */
final class CallListener implements StreamableHttpClient.Listener {

    private final StreamableHttpClient client;
    private final UpstreamRequests requests;
    private final UpstreamSession session;
    private final ToolContext context;
    private final AtomicReference<Closeable> stream;

    CallListener(
            StreamableHttpClient client,
            UpstreamRequests requests,
            UpstreamSession session,
            ToolContext context,
            AtomicReference<Closeable> stream) {
        this.client = client;
        this.requests = requests;
        this.session = session;
        this.context = context;
        this.stream = stream;
    }

    @Override
    public void streaming(Closeable body) {
        stream.set(body);
    }

    @Override
    public void notification(JsonNode notification) {
        UpstreamRequests.forward(notification, context);
    }

    @Override
    public void request(JsonNode request) {
        client.send(requests.answer(request, context), session.id(), session.protocolVersion(), null);
    }
}
