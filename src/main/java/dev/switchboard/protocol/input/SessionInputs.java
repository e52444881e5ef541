package dev.switchboard.protocol.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.ClientAnswers;
import dev.switchboard.api.InputRequest;
import dev.switchboard.protocol.core.CallControl;
import dev.switchboard.protocol.core.Caller;
import dev.switchboard.protocol.core.RequestChannel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Input in the session era: each request goes to the client on the call's channel, and the worker thread waits. */
public final class SessionInputs implements InputSource {

    private final ClientRequests clientRequests;
    private final RequestChannel channel;
    private final CallControl control;
    private final ObjectMapper mapper;

    public SessionInputs(
            ClientRequests clientRequests, RequestChannel channel, CallControl control, ObjectMapper mapper) {
        this.clientRequests = clientRequests;
        this.channel = channel;
        this.control = control;
        this.mapper = mapper;
    }

    @Override
    public ClientAnswers ask(Caller caller, List<InputRequest> requests) {
        InputSource.check(caller, requests);
        Map<String, Object> answers = new HashMap<>();
        for (InputRequest request : requests) {
            var result = clientRequests.call(
                    caller.sessionId(),
                    channel,
                    control,
                    InputWire.method(request),
                    InputWire.params(request, caller.protocolVersion(), mapper));
            answers.put(request.key(), InputWire.answer(request, result));
        }
        return new ClientAnswers(answers);
    }
}
