package dev.switchboard.builtin.memory;

import dev.switchboard.api.memory.Memory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks a scope's memories against a query with Okapi BM25 ({@code k1 = 1.2}, {@code b = 0.75}): a memory scores for
 * each query word it contains, more for words rare among the scope's memories, with diminishing returns for repeats
 * and a discount for long texts. A memory's tags count as words of it. Memories sharing no word with the query are
 * left out; equal scores go to the more recently stored memory.
 */
public final class MemoryRanker {

    static final double K1 = 1.2;
    static final double B = 0.75;

    /** A memory that matched, with its BM25 score and the query words it contains, in query order. */
    public record Match(Memory memory, double score, List<String> matchedWords) {}

    private static final Comparator<Match> BEST_FIRST = Comparator.comparingDouble(Match::score)
            .reversed()
            .thenComparing(match -> match.memory().storedAt(), Comparator.reverseOrder())
            .thenComparing(match -> match.memory().id());

    private MemoryRanker() {}

    /**
     * The at most {@code limit} best matches for {@code queryWords} (from {@link Tokenizer#words}) among
     * {@code memories}, best first.
     */
    static List<Match> rank(List<String> queryWords, List<Memory> memories, int limit) {
        Set<String> terms = new LinkedHashSet<>(queryWords);
        List<Map<String, Integer>> frequencies = new ArrayList<>(memories.size());
        int[] lengths = new int[memories.size()];
        Map<String, Integer> documentFrequency = new HashMap<>();
        long totalLength = 0;
        for (int i = 0; i < memories.size(); i++) {
            List<String> words = words(memories.get(i));
            Map<String, Integer> counts = new HashMap<>();
            for (String word : words) {
                counts.merge(word, 1, Integer::sum);
            }
            for (String term : terms) {
                if (counts.containsKey(term)) {
                    documentFrequency.merge(term, 1, Integer::sum);
                }
            }
            frequencies.add(counts);
            lengths[i] = words.size();
            totalLength += words.size();
        }
        double averageLength = memories.isEmpty() ? 0 : (double) totalLength / memories.size();
        List<Match> matches = new ArrayList<>();
        for (int i = 0; i < memories.size(); i++) {
            double score = 0;
            List<String> matched = new ArrayList<>();
            for (String term : terms) {
                Integer tf = frequencies.get(i).get(term);
                if (tf == null) {
                    continue;
                }
                double idf = idf(memories.size(), documentFrequency.get(term));
                double lengthNorm = 1 - B + B * lengths[i] / averageLength;
                score += idf * tf * (K1 + 1) / (tf + K1 * lengthNorm);
                matched.add(term);
            }
            if (!matched.isEmpty()) {
                matches.add(new Match(memories.get(i), score, matched));
            }
        }
        matches.sort(BEST_FIRST);
        return matches.size() > limit ? List.copyOf(matches.subList(0, limit)) : matches;
    }

    /** BM25's inverse document frequency in the form that never goes negative (as Lucene uses it). */
    static double idf(int documents, int containing) {
        return Math.log(1 + (documents - containing + 0.5) / (containing + 0.5));
    }

    private static List<String> words(Memory memory) {
        List<String> words = Tokenizer.words(memory.text());
        for (String tag : memory.tags()) {
            words.addAll(Tokenizer.words(tag));
        }
        return words;
    }
}
