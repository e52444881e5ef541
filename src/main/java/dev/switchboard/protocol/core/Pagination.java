package dev.switchboard.protocol.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.jsonrpc.JsonRpcException;
import dev.switchboard.jsonrpc.JsonRpcRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Cursor pagination over a list in a fixed order. The cursor is opaque to clients: Base64 of the next offset, so any
 * replica can continue a listing another one started.
 */
public final class Pagination {

    private static final String PREFIX = "offset:";

    private Pagination() {}

    /** One page of items and the cursor of the next page, null on the last page. */
    public record Page<T>(List<T> items, String nextCursor) {}

    /**
     * @throws JsonRpcException {@code -32602} when the cursor was not issued by this server
     */
    public static <T> Page<T> page(List<T> all, String cursor, int pageSize) {
        int from = cursor == null ? 0 : offset(cursor, all.size());
        int to = Math.min(all.size(), from + pageSize);
        String next = to < all.size() ? encode(to) : null;
        return new Page<>(all.subList(from, to), next);
    }

    /** The {@code cursor} param of a list request, or null for the first page. */
    public static String cursor(JsonRpcRequest request) {
        JsonNode cursor = request.param("cursor");
        if (cursor.isMissingNode() || cursor.isNull()) {
            return null;
        }
        if (!cursor.isTextual()) {
            throw JsonRpcException.invalidParams("params.cursor must be a string");
        }
        return cursor.textValue();
    }

    static String encode(int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + offset).getBytes(StandardCharsets.US_ASCII));
    }

    private static int offset(String cursor, int size) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (decoded.startsWith(PREFIX)) {
                int offset = Integer.parseInt(decoded.substring(PREFIX.length()));
                if (offset >= 0 && offset <= size) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below; NumberFormatException is an IllegalArgumentException too
        }
        throw JsonRpcException.invalidParams(
                "Invalid cursor '" + cursor + "': pass the nextCursor of the previous page unchanged, or omit it");
    }
}
