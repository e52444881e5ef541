package dev.switchboard.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The bookkeeping of a fuzz run: the seed, the cases of each category (each with its own {@link Random}, derived from
 * the seed, the category and the case's index, so one case replays alone), the answers by status, and the findings.
 * {@code -Dfuzz.seed=N} changes the seed, {@code -Dfuzz.case=category:index} runs that one case, and
 * {@code -Dfuzz.collect=true} lists every finding instead of failing at the first.
 */
final class FuzzRun {

    /** One case: its category and index, and the randomness it is made of. */
    record Case(String category, int index, Random random) {}

    @FunctionalInterface
    interface Scenario {
        void run(Case fuzzCase) throws Exception;
    }

    private final long seed;
    private final boolean collect;
    private final String only;
    private final Map<String, Integer> cases = new TreeMap<>();
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final List<String> findings = new ArrayList<>();
    private final Map<String, Integer> findingKinds = new TreeMap<>();

    FuzzRun(long seed, boolean collect, String only) {
        this.seed = seed;
        this.collect = collect;
        this.only = only;
    }

    static FuzzRun fromSystemProperties(long defaultSeed) {
        return new FuzzRun(
                Long.getLong("fuzz.seed", defaultSeed),
                Boolean.getBoolean("fuzz.collect"),
                System.getProperty("fuzz.case", ""));
    }

    long seed() {
        return seed;
    }

    /** Runs {@code count} cases of {@code category}. */
    void cases(String category, int count, Scenario scenario) throws Exception {
        for (int index = 0; index < count; index++) {
            Case fuzzCase = at(category, index);
            if (fuzzCase != null) {
                scenario.run(fuzzCase);
            }
        }
    }

    /** Case {@code index} of {@code category}, or null when {@code -Dfuzz.case} names another one. */
    Case at(String category, int index) {
        if (!only.isEmpty() && !only.equals(category + ":" + index)) {
            return null;
        }
        // SplittableRandom's mixing of (seed, category, index): neighbouring cases get unrelated streams.
        long mixed = seed * 0x9E3779B97F4A7C15L + category.hashCode() * 0xBF58476D1CE4E5B9L + index;
        mixed = (mixed ^ (mixed >>> 30)) * 0x94D049BB133111EBL;
        return new Case(category, index, new Random(mixed ^ (mixed >>> 31)));
    }

    /** Counts one answered case under {@code label} (a category, or a finer one) and its outcome. */
    void count(String label, String outcome) {
        cases.merge(label, 1, Integer::sum);
        outcomes.merge(outcome, 1, Integer::sum);
    }

    /** Reports a problem with the answer to {@code request}: fails the test, or collects it. */
    void finding(Case fuzzCase, String problem, FuzzRequest request) {
        findingKinds.merge(kind(problem), 1, Integer::sum);
        String finding = fuzzCase.category() + " case " + fuzzCase.index() + " (replay: -Dfuzz.seed=" + seed
                + " -Dfuzz.case=" + fuzzCase.category() + ":" + fuzzCase.index() + "): " + problem + "\n    request: "
                + request;
        if (collect) {
            findings.add(finding);
        } else {
            fail(finding);
        }
    }

    List<String> findings() {
        return findings;
    }

    /**
     * What kind of problem a finding is: {@code 5xx} (an HTTP 5xx answer), {@code stack-trace}, {@code no-answer}
     * (a hang or a reset), {@code malformed} (an answer that is not a well-formed JSON-RPC message or error), or
     * {@code other} (a status or challenge other than the one the case deserves).
     */
    static String kind(String problem) {
        String p = problem.replaceFirst("(?s)^.*?\\(([A-Z_]+)\\): ", "").replaceFirst("^auth (on|off): ", "");
        if (p.matches("(?s)HTTP 5\\d\\d\\b.*") || p.startsWith("unexpected HTTP 5")) {
            return "5xx";
        }
        if (p.startsWith("stack trace")) {
            return "stack-trace";
        }
        if (p.startsWith("no answer")) {
            return "no-answer";
        }
        if (p.startsWith("not JSON")
                || p.startsWith("not a JSON-RPC")
                || p.startsWith("not exactly one")
                || p.startsWith("an id that")
                || p.startsWith("a malformed error")
                || p.startsWith("a result on an HTTP refusal")
                || p.startsWith("an empty body")
                || p.startsWith("an SSE stream without")
                || p.contains(" with a body")
                || p.contains("without a JSON-RPC error")) {
            return "malformed";
        }
        return "other";
    }

    /** The answers with an HTTP 5xx status, whether or not a check made a finding of them. */
    int fiveHundreds() {
        return outcomes.entrySet().stream()
                .filter(e -> e.getKey().startsWith("5"))
                .mapToInt(Map.Entry::getValue)
                .sum();
    }

    /** One line a script reads: {@code cases=N fiveHundreds=N malformed=N ...}. */
    String figures(long seconds) {
        int total = cases.values().stream().mapToInt(Integer::intValue).sum();
        return "cases=" + total + " answered5xx=" + fiveHundreds() + " findings=" + findings.size() + " 5xx="
                + findingKinds.getOrDefault("5xx", 0) + " malformed=" + findingKinds.getOrDefault("malformed", 0)
                + " stackTraces=" + findingKinds.getOrDefault("stack-trace", 0) + " noAnswer="
                + findingKinds.getOrDefault("no-answer", 0) + " other=" + findingKinds.getOrDefault("other", 0)
                + " seconds=" + seconds + " seed=" + seed;
    }

    String summary(long seconds) {
        int total = cases.values().stream().mapToInt(Integer::intValue).sum();
        return total + " cases in " + seconds + " s, seed " + seed + ", " + cases + ", answers " + outcomes
                + ", findings " + findings.size();
    }
}
