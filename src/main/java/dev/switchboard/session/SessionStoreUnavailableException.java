package dev.switchboard.session;

import dev.switchboard.api.StoreUnavailableException;

/** The session store could not be reached or did not answer in time; the request may be retried. */
public class SessionStoreUnavailableException extends StoreUnavailableException {

    public SessionStoreUnavailableException(String store, Throwable cause) {
        super("The " + store + " session store is unavailable: " + cause.getMessage(), cause);
    }
}
