package dev.switchboard.builtin.memory;

import dev.switchboard.api.StoreUnavailableException;
import dev.switchboard.api.ToolException;
import dev.switchboard.api.memory.Memory;
import dev.switchboard.api.memory.MemoryScope;
import dev.switchboard.api.memory.MemoryStore;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Long-term memory: what the memory tools do, over the {@link MemoryStore}. Checks what a model sends (text length,
 * searchable query words), mints ids, ranks recalls, and keeps recalled memories alive. Called from tools, which run
 * on worker threads and may wait on the store.
 */
@ApplicationScoped
public class Memories {

    private static final Logger LOG = Logger.getLogger(Memories.class);
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(5);
    private static final int ID_BYTES = 12;

    /** What a recall found: the best matches and how many memories were searched. */
    public record Recall(List<MemoryRanker.Match> matches, int searched) {}

    /** What a remember stored, and the ids of memories forgotten to make room. */
    public record Stored(Memory memory, List<String> evicted) {}

    private final MemoryStore store;
    private final Clock clock;
    private final int maxTextLength;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public Memories(MemoryStore store, Clock clock, MemoryConfig config) {
        this(store, clock, config.maxTextLength());
    }

    Memories(MemoryStore store, Clock clock, int maxTextLength) {
        this.store = store;
        this.clock = clock;
        this.maxTextLength = maxTextLength;
    }

    /** Stores {@code text} (trimmed) with its tags (trimmed, lower-cased, each once) under a new random id. */
    public Stored remember(MemoryScope scope, String text, List<String> tags) {
        String trimmed = text.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length > maxTextLength) {
            throw new ToolException("The text has " + length + " characters; a memory holds at most " + maxTextLength
                    + ". Remember a shorter summary, or split it into separate facts");
        }
        Set<String> normalized = new LinkedHashSet<>();
        if (tags != null) {
            tags.forEach(tag -> normalized.add(tag.strip().toLowerCase(Locale.ROOT)));
        }
        Memory memory = new Memory(
                newId(), trimmed, List.copyOf(normalized), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        return new Stored(memory, await(store.add(scope, memory)));
    }

    /** The at most {@code limit} memories best matching {@code query}; restarts their retention. */
    public Recall recall(MemoryScope scope, String query, int limit) {
        List<String> words = Tokenizer.words(query);
        if (words.isEmpty()) {
            throw new ToolException("The query '" + query + "' has no words to search for (single letters and words"
                    + " such as 'the' or 'what' are ignored): use words the memory would contain, e.g. 'seat"
                    + " preference'");
        }
        List<Memory> memories = await(store.all(scope));
        List<MemoryRanker.Match> matches = MemoryRanker.rank(words, memories, limit);
        await(store.refresh(
                scope, matches.stream().map(match -> match.memory().id()).toList()));
        return new Recall(matches, memories.size());
    }

    /** Forgets a memory and returns it. */
    public Memory forget(MemoryScope scope, String id) {
        return await(store.remove(scope, id))
                .orElseThrow(() -> new ToolException("There is no memory with id '" + id + "': it was never stored,"
                        + " was already forgotten, or expired unused. memory.recall shows the ids of kept memories"));
    }

    private String newId() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private <T> T await(Uni<T> operation) {
        try {
            return operation.await().atMost(STORE_TIMEOUT);
        } catch (StoreUnavailableException | TimeoutException e) {
            // The model can retry or carry on without memory; an internal error would tell it nothing.
            LOG.warnf("The %s memory store failed: %s", store.kind(), e.getMessage());
            throw new ToolException("Long-term memory is unavailable right now (its store cannot be reached);"
                    + " try again in a moment, or carry on without it");
        }
    }
}
