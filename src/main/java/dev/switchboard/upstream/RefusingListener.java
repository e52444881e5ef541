package dev.switchboard.upstream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an upstream sends outside a call: notifications are dropped, and its requests (sampling, elicitation, roots)
 * are answered as not supported here at once, so it does not wait for them.
 */
final class RefusingListener implements StreamableHttpClient.Listener {

    private final StreamableHttpClient client;
    private final UpstreamRequests requests;
    private final UpstreamSession session;

    /** @param session the session the request came in, or null outside one */
    RefusingListener(StreamableHttpClient client, UpstreamRequests requests, UpstreamSession session) {
        this.client = client;
        this.requests = requests;
        this.session = session;
    }

    @Override
    public void notification(JsonNode message) {
        // nothing to do with notifications outside a call
    }

    @Override
    public void request(JsonNode request) {
        client.send(
                requests.refusal(request),
                session == null ? null : session.id(),
                session == null ? null : session.protocolVersion(),
                null);
    }
}
