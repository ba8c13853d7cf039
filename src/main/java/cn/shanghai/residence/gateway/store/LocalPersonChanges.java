package cn.shanghai.residence.gateway.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** {@link PersonChanges} within this gateway: listeners run at once, on the caller's thread. */
class LocalPersonChanges implements PersonChanges {

    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void changed(String personId) {
        tell(personId);
    }

    @Override
    public void onChange(Consumer<String> listener) {
        listeners.add(listener);
    }

    void tell(String personId) {
        listeners.forEach(listener -> listener.accept(personId));
    }
}
