package dev.switchboard.protocol.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.switchboard.jsonrpc.JsonRpcErrorCodes;
import dev.switchboard.jsonrpc.JsonRpcException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaginationTest {

    private final List<String> items = List.of("a", "b", "c", "d", "e");

    @Test
    void walksEveryItemOnceInOrder() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Pagination.Page<String> page = Pagination.page(items, cursor, 2);
            seen.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertEquals(items, seen);
        assertEquals(3, pages);
    }

    @Test
    void lastPageHasNoCursor() {
        assertNull(Pagination.page(items, null, 5).nextCursor());
        assertEquals(List.of(), Pagination.page(List.of(), null, 5).items());
    }

    @Test
    void rejectsForeignCursors() {
        for (String cursor : List.of("garbage!", Pagination.encode(99), "b2Zmc2V0Oi0x")) {
            JsonRpcException e = assertThrows(JsonRpcException.class, () -> Pagination.page(items, cursor, 2));
            assertEquals(JsonRpcErrorCodes.INVALID_PARAMS, e.code());
        }
    }
}
