package dev.switchboard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Origins compared as browsers write them: scheme and host in lower case, default ports left out, nothing else. */
class RequestOriginTest {

    @Test
    void defaultPortsAndCaseDoNotMatter() {
        assertEquals("https://console.example.com", RequestOrigin.normalize("HTTPS://Console.Example.com:443"));
        assertEquals("http://localhost", RequestOrigin.normalize("http://localhost:80"));
        assertEquals("http://localhost:8080", RequestOrigin.normalize("http://localhost:8080/"));
        assertEquals("https://h:80", RequestOrigin.normalize("https://h:80"));
    }

    @Test
    void whatIsNotAnHttpOriginIsNone() {
        assertNull(RequestOrigin.normalize(null));
        assertNull(RequestOrigin.normalize("null"));
        assertNull(RequestOrigin.normalize("file:///etc/passwd"));
        assertNull(RequestOrigin.normalize("https://h.example/path"));
        assertNull(RequestOrigin.normalize("not a uri"));
    }
}
