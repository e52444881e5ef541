package dev.switchboard.protocol;

import dev.switchboard.protocol.core.McpRequest;
import dev.switchboard.protocol.core.RequestRejectedException;
import dev.switchboard.security.BearerChallenges;
import jakarta.inject.Singleton;
import java.util.Set;

/** Refuses a caller whose token lacks the scopes a tool, resource or prompt declares with {@code @RequiresScopes}. */
@Singleton
class AccessGuard {

    private final BearerChallenges challenges;

    AccessGuard(BearerChallenges challenges) {
        this.challenges = challenges;
    }

    /**
     * @param what the item, for the message, e.g. {@code tool 'calendar.add'}
     * @throws RequestRejectedException (HTTP 403 with a step-up challenge) when the caller lacks {@code scopes}
     */
    void require(McpRequest request, Set<String> scopes, String what) {
        if (!request.caller().principal().holds(scopes)) {
            throw RequestRejectedException.insufficientScope(
                    request.message().id(), what, scopes, challenges.insufficientScope(scopes));
        }
    }
}
