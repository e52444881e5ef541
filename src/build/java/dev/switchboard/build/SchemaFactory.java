package dev.switchboard.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.MemberScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import dev.switchboard.api.Description;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Type;
import java.util.function.Function;

/**
 * JSON Schema 2020-12 (MCP's default dialect) for tool argument and result types, with victools: descriptions from
 * {@link Description}, names and required flags from Jackson, constraints from Jakarta Validation,
 * {@code x-mcp-header} from {@code McpHeader}. Objects reject unknown properties, matching how arguments are bound.
 */
final class SchemaFactory {

    private final SchemaGenerator generator;

    SchemaFactory(ObjectMapper mapper) {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(
                        mapper, SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(
                        JacksonOption.RESPECT_JSONPROPERTY_REQUIRED,
                        // enum values as Jackson writes and reads them, e.g. "celsius" for CELSIUS
                        JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY))
                .with(new JakartaValidationModule(
                        JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
                        JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS))
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.EXTRA_OPEN_API_FORMAT_VALUES)
                // MCP assumes 2020-12 when "$schema" is absent; leaving it out keeps older clients' validators happy.
                .without(Option.SCHEMA_VERSION_INDICATOR);
        config.forFields().withDescriptionResolver(field -> onFieldOrGetter(field, ArgumentAnnotations::description));
        config.forFields().withInstanceAttributeOverride((node, field, context) -> {
            String header = onFieldOrGetter(field, ArgumentAnnotations::header);
            if (header != null) {
                node.put("x-mcp-header", header);
            }
        });
        config.forTypesInGeneral().withDescriptionResolver(scope -> {
            Description description = scope.getType().getErasedType().getAnnotation(Description.class);
            return description == null ? null : description.value();
        });
        this.generator = new SchemaGenerator(config.build());
    }

    /** The complete schema of one type. */
    ObjectNode schemaFor(Type type) {
        return generator.generateSchema(type);
    }

    /** A builder for a schema assembled from several types that share one {@code $defs}. */
    SchemaBuilder several() {
        return generator.buildMultipleSchemaDefinitions();
    }

    /** Record components are seen as fields; their annotations may sit on the field or the accessor. */
    private static String onFieldOrGetter(FieldScope field, Function<AnnotatedElement, String> read) {
        String found = field.getRawMember() == null ? null : read.apply(field.getRawMember());
        MemberScope<?, ?> getter = field.findGetter();
        if (found == null && getter != null && getter.getRawMember() instanceof AnnotatedElement element) {
            found = read.apply(element);
        }
        return found;
    }
}
