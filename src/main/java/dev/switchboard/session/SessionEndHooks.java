package dev.switchboard.session;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.logging.Logger;

/** Every {@link SessionEndHook}, prepared together; with none (the usual case) it costs nothing. */
@Singleton
public class SessionEndHooks {

    private static final Logger LOG = Logger.getLogger(SessionEndHooks.class);

    private final List<SessionEndHook> hooks;

    public SessionEndHooks(Instance<SessionEndHook> hooks) {
        this.hooks = hooks.stream().toList();
    }

    /** The work of every hook for this session; a hook that fails to prepare is left out (the session still ends). */
    public Uni<Runnable> prepare(String sessionId) {
        if (hooks.isEmpty()) {
            return Uni.createFrom().item(SessionEndHook.NOTHING);
        }
        List<Uni<Runnable>> prepared = hooks.stream()
                .map(hook -> hook.prepare(sessionId).onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Session %s ends without %s's work: %s", sessionId, hook.getClass(), failure.toString());
                    return SessionEndHook.NOTHING;
                }))
                .toList();
        return Uni.join().all(prepared).andFailFast().map(works -> () -> works.forEach(Runnable::run));
    }
}
