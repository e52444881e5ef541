package dev.switchboard.builtin.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void lowerCasesAndSplitsOnAnythingButLettersAndDigits() {
        assertEquals(
                List.of("user", "mail", "anna", "example", "com"), Tokenizer.words("User's e-mail: Anna@Example.COM"));
    }

    @Test
    void keepsLettersOfAnyScriptAndDigits() {
        assertEquals(List.of("zürich", "2026", "café", "東京"), Tokenizer.words("Zürich, 2026 — café/東京!"));
    }

    @Test
    void dropsSingleLettersAndStopWordsButKeepsSingleDigits() {
        assertEquals(
                List.of("live", "flat", "5", "3rd", "floor"), Tokenizer.words("I live in flat 5 on the 3rd floor"));
        assertEquals(List.of(), Tokenizer.words("What is it? A, b, c..."));
    }

    @Test
    void keepsRepeats() {
        assertEquals(List.of("tea", "tea", "green"), Tokenizer.words("tea, TEA and green"));
    }

    @Test
    void foldsEnglishPlurals() {
        assertEquals(
                List.of("seat", "flight", "city", "glass", "status", "axis", "bus", "2000s", "café"),
                Tokenizer.words("Seats flights cities glass status axis bus 2000s cafés"));
    }
}
