package dev.switchboard.builtin.weather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class WmoCodesTest {

    @Test
    void everyCodeOpenMeteoReportsHasItsOwnWords() {
        Set<Integer> reported = Set.of(
                0, 1, 2, 3, 45, 48, 51, 53, 55, 56, 57, 61, 63, 65, 66, 67, 71, 73, 75, 77, 80, 81, 82, 85, 86, 95, 96,
                99);
        assertEquals(new TreeSet<>(reported), new TreeSet<>(WmoCodes.codes()));
        Set<String> words = new HashSet<>();
        for (int code : reported) {
            String text = WmoCodes.words(code);
            assertFalse(text.startsWith("Unknown"), code + ": " + text);
            words.add(text);
        }
        assertEquals(reported.size(), words.size(), "no two codes read the same");
        assertEquals("Clear sky", WmoCodes.words(0));
        assertEquals("Thunderstorm with heavy hail", WmoCodes.words(99));
    }

    @Test
    void otherCodesAreNamedNotGuessed() {
        assertEquals("Unknown conditions (WMO code 42)", WmoCodes.words(42));
        assertEquals("Unknown conditions", WmoCodes.words(null));
    }
}
