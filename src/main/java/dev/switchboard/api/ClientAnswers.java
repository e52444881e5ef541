package dev.switchboard.api;

import java.util.List;
import java.util.Map;

/** The client's answers to the {@link InputRequest}s of one {@link ClientInput#ask} call, by key. */
public final class ClientAnswers {

    private final Map<String, Object> answers;

    /** @param answers an {@link ElicitationResult}, {@link SamplingResult} or list of {@link Root}s per key */
    public ClientAnswers(Map<String, Object> answers) {
        this.answers = Map.copyOf(answers);
    }

    public ElicitationResult elicitation(String key) {
        return get(key, ElicitationResult.class);
    }

    public SamplingResult sampling(String key) {
        return get(key, SamplingResult.class);
    }

    @SuppressWarnings("unchecked")
    public List<Root> roots(String key) {
        return get(key, List.class);
    }

    private <T> T get(String key, Class<T> type) {
        Object answer = answers.get(key);
        if (!type.isInstance(answer)) {
            throw new IllegalArgumentException("No " + type.getSimpleName() + " answer under key '" + key + "'");
        }
        return type.cast(answer);
    }
}
