package dev.switchboard.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.build.RegistryGenerator;
import dev.switchboard.registry.GeneratedTool;
import dev.switchboard.registry.ToolRegistry;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Tool registries for plain unit tests: described by the build's generator, bound to the given beans. */
public final class Registries {

    private Registries() {}

    /** The tools the beans' classes declare, as the build would describe them. */
    public static List<GeneratedTool> describe(Object... beans) {
        return new RegistryGenerator()
                .describe(Arrays.stream(beans).<Class<?>>map(Object::getClass).toList());
    }

    /** A registry of the beans' tools, each bound to the bean given. */
    public static ToolRegistry of(ObjectMapper mapper, Validator validator, Object... beans) {
        return load(describe(beans), mapper, validator, beans);
    }

    /** A registry of {@code generated}, bound to the beans given. */
    public static ToolRegistry load(
            List<GeneratedTool> generated, ObjectMapper mapper, Validator validator, Object... beans) {
        Map<Class<?>, Object> byClass =
                Arrays.stream(beans).collect(Collectors.toMap(Object::getClass, Function.identity()));
        return ToolRegistry.load(
                generated, beanClass -> Optional.ofNullable(byClass.get(beanClass)), mapper, validator);
    }
}
