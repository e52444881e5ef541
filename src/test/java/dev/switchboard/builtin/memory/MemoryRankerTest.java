package dev.switchboard.builtin.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.api.memory.Memory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryRankerTest {

    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");

    private static Memory memory(String id, String text, int secondsAfterT, String... tags) {
        return new Memory(id, text, List.of(tags), T.plusSeconds(secondsAfterT));
    }

    private static final List<Memory> CORPUS = List.of(
            memory("seat", "The user prefers window seats on long flights", 0, "travel"),
            memory("meal", "The user is vegetarian and avoids fish on flights", 1, "food"),
            memory("dog", "The user's dog is called Rex", 2, "family"),
            memory("rome", "Flights to Rome: the user flies from Lyon", 3),
            memory("car", "The user drives an electric car", 4, "travel"));

    private static List<String> ranked(String query, int limit) {
        return MemoryRanker.rank(Tokenizer.words(query), CORPUS, limit).stream()
                .map(match -> match.memory().id())
                .toList();
    }

    @Test
    void rareWordsOutweighCommonOnes() {
        // "flights" is in three memories, "window" in one: the one with both comes first, then the shorter
        // "flights" memory ("rome", 5 words) ahead of the longer one ("meal", 6 words).
        assertEquals(List.of("seat", "rome", "meal"), ranked("window flights", 5));
        assertEquals(List.of("dog"), ranked("What is the dog called?", 5));
    }

    @Test
    void limitKeepsTheBest() {
        assertEquals(List.of("seat", "rome"), ranked("window flights", 2));
    }

    @Test
    void tagsCountAsWords() {
        assertEquals(List.of("car", "seat"), ranked("travel", 5), "both tagged; the shorter memory first");
        assertEquals(List.of("meal"), ranked("food", 5));
    }

    @Test
    void memoriesSharingNoWordAreLeftOut() {
        assertEquals(List.of(), ranked("birthday cake", 5));
        assertEquals(List.of(), MemoryRanker.rank(List.of("anything"), List.of(), 5));
    }

    @Test
    void equalScoresGoToTheMoreRecentlyStored() {
        List<Memory> twins = List.of(
                memory("older", "Lunch with Anna on Friday", 0),
                memory("newer", "Dinner with Anna on Friday", 60),
                memory("newest-unrelated", "Nothing in common", 120));
        List<MemoryRanker.Match> matches = MemoryRanker.rank(List.of("anna", "friday"), twins, 5);
        assertEquals(
                List.of("newer", "older"),
                matches.stream().map(m -> m.memory().id()).toList());
        assertEquals(matches.get(0).score(), matches.get(1).score());
    }

    @Test
    void scoresFollowOkapiBm25() {
        // Two memories of 2 and 4 words; "tea" is in the first only, once. avgdl = 3, N = 2, n = 1.
        List<Memory> memories = List.of(memory("a", "green tea", 0), memory("b", "black coffee every morning", 1));
        MemoryRanker.Match match =
                MemoryRanker.rank(List.of("tea"), memories, 5).get(0);
        double idf = Math.log(1 + (2 - 1 + 0.5) / (1 + 0.5));
        double expected = idf * 1 * (1.2 + 1) / (1 + 1.2 * (1 - 0.75 + 0.75 * 2 / 3.0));
        assertEquals(expected, match.score(), 1e-9);
        assertEquals(List.of("tea"), match.matchedWords());
    }

    @Test
    void repeatsRaiseTheScoreWithDiminishingReturns() {
        List<Memory> memories = List.of(
                memory("once", "tea in the garden today", 0),
                memory("twice", "tea tea in the garden", 0),
                memory("other", "coffee", 0));
        List<MemoryRanker.Match> matches = MemoryRanker.rank(List.of("tea", "tea"), memories, 5);
        assertEquals("twice", matches.get(0).memory().id());
        double ratio = matches.get(0).score() / matches.get(1).score();
        assertTrue(ratio > 1 && ratio < 2, "a second occurrence adds less than the first: " + ratio);
        assertEquals(List.of("tea"), matches.get(0).matchedWords(), "query repeats count once");
    }
}
