package dev.switchboard.registry;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableInstance;
import java.util.Optional;

/** Finds the bean that declares a generated tool, resource or prompt. */
final class CdiBeans {

    private CdiBeans() {}

    /** Programmatic lookup, so {@code @LookupIfProperty} and friends switch a bean off as they do elsewhere. */
    static Optional<Object> find(Class<?> beanClass) {
        InjectableInstance<?> instance = Arc.container().select(beanClass);
        return instance.isResolvable() ? Optional.of(instance.get()) : Optional.empty();
    }
}
