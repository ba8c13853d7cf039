package cn.shanghai.residence.gateway.store;

import java.util.function.Consumer;

/**
 * The news that a person's own action (an application, a photo upload) changed what the agencies hold about them, so
 * that every replica forgets its cached copy of that person's data.
 */
public interface PersonChanges {

    /** Tells this replica's listeners at once and, with a shared store, the other replicas'. */
    void changed(String personId);

    /** Runs {@code listener} for every change, this replica's own or another's. */
    void onChange(Consumer<String> listener);
}
