package dev.switchboard.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The application's {@link ObjectMapper} for values this server wrote itself, where a failure is a bug rather than
 * bad input: failures are unchecked.
 */
@Singleton
public class JsonCodec {

    private final ObjectMapper mapper;

    public JsonCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public byte[] writeBytes(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * Serialises straight into a Vert.x buffer, ready to write: one copy from Jackson's own buffer, where
     * {@link #writeBytes} and a buffer made from its array copy the body three times.
     */
    public Buffer writeBuffer(Object value) {
        Buffer buffer = Buffer.buffer(1024);
        try {
            mapper.writeValue(new BufferOutput(buffer), value);
            return buffer;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Appends what Jackson flushes to a buffer. */
    private static final class BufferOutput extends OutputStream {

        private final Buffer buffer;

        BufferOutput(Buffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public void write(int b) {
            buffer.appendByte((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            buffer.appendBytes(bytes, offset, length);
        }
    }

    /** Reads JSON this server stored earlier (Redis, the session store). */
    public <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Corrupt stored " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
