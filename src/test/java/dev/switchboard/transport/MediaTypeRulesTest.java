package dev.switchboard.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MediaTypeRulesTest {

    @Test
    void acceptMustCoverJsonAndEventStream() {
        assertTrue(MediaTypeRules.acceptsJsonAndEventStream("application/json, text/event-stream"));
        assertTrue(MediaTypeRules.acceptsJsonAndEventStream("text/event-stream;q=0.9,application/json"));
        assertTrue(MediaTypeRules.acceptsJsonAndEventStream("*/*"));
        assertTrue(MediaTypeRules.acceptsJsonAndEventStream("application/*, text/*"));
        assertFalse(MediaTypeRules.acceptsJsonAndEventStream("application/json"));
        assertFalse(MediaTypeRules.acceptsJsonAndEventStream("text/event-stream"));
        assertFalse(MediaTypeRules.acceptsJsonAndEventStream(null));
    }

    @Test
    void contentTypeMustBeJson() {
        assertTrue(MediaTypeRules.isJson("application/json"));
        assertTrue(MediaTypeRules.isJson("Application/JSON; charset=utf-8"));
        assertFalse(MediaTypeRules.isJson("text/plain"));
        assertFalse(MediaTypeRules.isJson(null));
    }
}
