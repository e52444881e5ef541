package dev.switchboard.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * What a source (an upstream server) may mount: an entry whose name or URI another source, or this application,
 * already serves is left out with a warning, so no mount ever shadows another.
 */
public final class SourceClaims {

    private static final Logger LOG = Logger.getLogger(SourceClaims.class);

    private SourceClaims() {}

    /**
     * The entries whose key is not {@code taken} yet, in order; their keys are added to {@code taken}.
     *
     * @param what the kind of entry, for the warning ({@code tool}, {@code resource}, ...)
     */
    public static <T> List<T> unclaimed(
            String source, String what, List<T> entries, Function<T, String> key, Set<String> taken) {
        List<T> accepted = new ArrayList<>();
        for (T entry : entries) {
            if (taken.add(key.apply(entry))) {
                accepted.add(entry);
            } else {
                LOG.warnf(
                        "%s offers the %s %s, which another source already serves: left out",
                        source, what, key.apply(entry));
            }
        }
        return accepted;
    }
}
