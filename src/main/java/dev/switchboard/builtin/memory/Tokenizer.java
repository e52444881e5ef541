package dev.switchboard.builtin.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into the words recall matches on: lower-cased runs of letters and digits (any script), without
 * single letters and common English stop words, which would match nearly every memory. English plurals are folded
 * ("seats" and "seat", "cities" and "city" are one word); there is no other stemming ("flying" is not "fly").
 */
final class Tokenizer {

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "about", "all", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by", "can", "could",
            "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "his", "how", "if", "in", "into",
            "is", "it", "its", "me", "my", "of", "on", "or", "our", "she", "so", "than", "that", "the", "their", "them",
            "then", "there", "these", "they", "this", "those", "to", "was", "we", "were", "what", "when", "where",
            "which", "who", "will", "with", "would", "you", "your");

    private Tokenizer() {}

    /** The words of {@code text}, in order, repeats kept (BM25 counts them). */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= lower.length(); ) {
            int codePoint = i < lower.length() ? lower.codePointAt(i) : ' ';
            boolean wordChar = i < lower.length() && Character.isLetterOrDigit(codePoint);
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                add(words, lower.substring(start, i));
                start = -1;
            }
            i += Character.charCount(codePoint);
        }
        return words;
    }

    private static void add(List<String> words, String word) {
        boolean singleLetter = word.codePointCount(0, word.length()) == 1 && !Character.isDigit(word.codePointAt(0));
        if (!singleLetter && !STOP_WORDS.contains(word)) {
            words.add(singular(word));
        }
    }

    /** Drops a plural ending: "-ies" becomes "-y", a final "s" goes except after s, u or i (glass, status, axis). */
    static String singular(String word) {
        if (word.length() <= 3 || !word.endsWith("s") || !word.chars().allMatch(Character::isLetter)) {
            return word;
        }
        if (word.endsWith("ies") && word.length() > 4) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) {
            return word;
        }
        return word.substring(0, word.length() - 1);
    }
}
