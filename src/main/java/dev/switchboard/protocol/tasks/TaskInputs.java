package dev.switchboard.protocol.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.api.ClientAnswers;
import dev.switchboard.api.ClientRequestException;
import dev.switchboard.api.InputRequest;
import dev.switchboard.protocol.core.Caller;
import dev.switchboard.protocol.input.InputSource;
import dev.switchboard.protocol.input.InputWire;
import dev.switchboard.protocol.input.SessionInputs;
import dev.switchboard.task.TaskChange;
import dev.switchboard.task.TaskStatus;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Input a task asks the client for. The task moves to {@code input_required} with the requests it waits for, then
 * waits: in 2026-07-28 for {@code tasks/update} to bring the answers (to whichever replica), in 2025-11-25 for the
 * client's answers to server-to-client requests sent on the session's stream. Then it works again.
 */
final class TaskInputs implements InputSource {

    private final TaskUpdates task;
    private final TaskAnswers answers;
    private final SessionInputs session;
    private final ObjectMapper mapper;
    private final Map<String, Integer> occurrences = new HashMap<>();

    /** @param session asks the session-era client directly, or null to wait for {@code tasks/update} */
    TaskInputs(TaskUpdates task, TaskAnswers answers, SessionInputs session, ObjectMapper mapper) {
        this.task = task;
        this.answers = answers;
        this.session = session;
        this.mapper = mapper;
    }

    @Override
    public ClientAnswers ask(Caller caller, List<InputRequest> requests) {
        InputSource.check(caller, requests);
        Map<String, String> shown = new LinkedHashMap<>();
        Map<String, CompletableFuture<JsonNode>> waiting = new LinkedHashMap<>();
        Map<String, InputRequest> byWireKey = new HashMap<>();
        for (InputRequest request : requests) {
            // Keys stay unique for the task's lifetime: a key asked again is told apart by its occurrence.
            String key = wireKey(request.key());
            ObjectNode entry = mapper.createObjectNode().put("method", InputWire.method(request));
            entry.set("params", InputWire.params(request, caller.protocolVersion(), mapper));
            shown.put(key, entry.toString());
            byWireKey.put(key, request);
            if (session == null) {
                waiting.put(key, answers.expect(key));
            }
        }
        task.change(TaskChange.inputRequired(shown, "Waiting for the client's input"));
        if (session != null) {
            try {
                return session.ask(caller, requests);
            } finally {
                task.change(TaskChange.to(TaskStatus.WORKING, null));
            }
        }
        Map<String, Object> answered = new HashMap<>();
        for (Map.Entry<String, CompletableFuture<JsonNode>> entry : waiting.entrySet()) {
            InputRequest request = byWireKey.get(entry.getKey());
            answered.put(request.key(), InputWire.answer(request, await(entry.getValue())));
        }
        return new ClientAnswers(answered);
    }

    private static JsonNode await(CompletableFuture<JsonNode> answer) {
        try {
            return answer.get();
        } catch (CancellationException | InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientRequestException("The task was cancelled while it waited for the client's input");
        } catch (ExecutionException e) {
            throw new ClientRequestException(
                    "The client's input could not be read: " + e.getCause().getMessage());
        }
    }

    private String wireKey(String key) {
        int occurrence = occurrences.merge(key, 1, Integer::sum);
        return occurrence == 1 ? key : key + '#' + occurrence;
    }
}
