package dev.switchboard.protocol.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.api.ClientAnswers;
import dev.switchboard.api.InputRequest;
import dev.switchboard.protocol.core.Caller;
import dev.switchboard.protocol.core.InputAnswers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Input in 2026-07-28 (multi round-trip requests): answers come from the retry; what is still missing ends the call
 * with {@link InputRequiredException}. The call runs again from the start on each round, so its asks repeat in the
 * same order: a key asked twice in one run is told apart by its occurrence ({@code key#2}).
 */
public final class RetriedInputs implements InputSource {

    private final InputAnswers retry;
    private final Map<String, JsonNode> consumed = new LinkedHashMap<>();
    private final Map<String, Integer> occurrences = new HashMap<>();

    public RetriedInputs(InputAnswers retry) {
        this.retry = retry;
    }

    @Override
    public synchronized ClientAnswers ask(Caller caller, List<InputRequest> requests) {
        InputSource.check(caller, requests);
        Map<String, Object> answers = new HashMap<>();
        List<InputRequest> missing = new ArrayList<>();
        for (InputRequest request : requests) {
            String wireKey = wireKey(request.key());
            JsonNode answer = retry.byKey().get(wireKey);
            if (answer == null || answer.isNull()) {
                missing.add(wireKey.equals(request.key()) ? request : rekeyed(request, wireKey));
            } else {
                answers.put(request.key(), InputWire.answer(request, answer));
                consumed.put(wireKey, answer);
            }
        }
        if (!missing.isEmpty()) {
            throw new InputRequiredException(missing, consumed);
        }
        return new ClientAnswers(answers);
    }

    private String wireKey(String key) {
        int occurrence = occurrences.merge(key, 1, Integer::sum);
        return occurrence == 1 ? key : key + '#' + occurrence;
    }

    private static InputRequest rekeyed(InputRequest request, String key) {
        if (request instanceof InputRequest.Elicit elicit) {
            return InputRequest.elicit(key, elicit.message(), elicit.requestedSchema());
        }
        if (request instanceof InputRequest.ElicitUrl url) {
            return InputRequest.elicitUrl(key, url.message(), url.url());
        }
        if (request instanceof InputRequest.Sample sample) {
            return InputRequest.sample(key, sample.request());
        }
        return InputRequest.roots(key);
    }
}
