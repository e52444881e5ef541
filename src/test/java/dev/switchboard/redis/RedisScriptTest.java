package dev.switchboard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.StoreUnavailableException;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisScriptTest {

    @Test
    void aRedisThatNeverAnswersIsUnavailableAfterTheLimit() {
        long start = System.nanoTime();
        StoreUnavailableException failure = assertThrows(
                StoreUnavailableException.class,
                () -> RedisScript.bounded(Uni.createFrom().nothing(), Duration.ofMillis(100))
                        .await()
                        .atMost(Duration.ofSeconds(5)));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 100 && millis < 4_000, millis + " ms");
        assertTrue(failure.getMessage().contains("no answer within 100 ms"), failure.getMessage());
    }

    @Test
    void failuresBecomeUnavailableAndAnswersPassThrough() {
        StoreUnavailableException failure = assertThrows(
                StoreUnavailableException.class,
                () -> RedisScript.bounded(
                                Uni.createFrom().failure(new java.io.IOException("Connection refused")),
                                Duration.ofSeconds(1))
                        .await()
                        .indefinitely());
        assertInstanceOf(java.io.IOException.class, failure.getCause());
        assertEquals(
                "ok",
                RedisScript.bounded(Uni.createFrom().item("ok"), Duration.ofSeconds(1))
                        .await()
                        .indefinitely());
    }
}
