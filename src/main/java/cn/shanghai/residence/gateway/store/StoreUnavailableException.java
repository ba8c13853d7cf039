package cn.shanghai.residence.gateway.store;

/**
 * The shared store could not be asked (Redis down, or too slow): a write that needs it is refused rather than risk a
 * duplicate, and the client may retry the same request later.
 */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message) {
        super(message, null, false, false);
    }
}
