package dev.switchboard.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonCodecTest {

    private final JsonCodec json = new JsonCodec(new ObjectMapper());

    @Test
    void aBufferHoldsTheSameBytesAsTheArray() {
        Object small = Map.of("forecast", "Sunny", "temperature", "27°C");
        // larger than Jackson's own 8,000-byte buffer, so it is flushed to the stream several times
        Object large = Map.of("items", List.of("x".repeat(5000), "é".repeat(5000), "€".repeat(5000)));
        for (Object value : List.of(small, large)) {
            assertArrayEquals(json.writeBytes(value), json.writeBuffer(value).getBytes());
        }
    }
}
