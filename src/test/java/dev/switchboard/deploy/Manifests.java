package dev.switchboard.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every YAML document under {@code deploy/}, parsed strictly into the typed fabric8 model: an unknown or misspelt
 * field fails, where kubectl would only warn (or silently drop it). Kustomizations and the Knative Service have no
 * fabric8 class: they stay trees, and the Knative pod template is parsed as a Kubernetes {@link PodTemplateSpec}.
 */
final class Manifests {

    static final String KUSTOMIZE_API = "kustomize.config.k8s.io/v1beta1";
    static final String KNATIVE_API = "serving.knative.dev/v1";

    /** The kinds deploy/ may hold, by "apiVersion/kind". */
    static final Map<String, Class<?>> TYPES = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "v1/Secret", Secret.class,
            "apps/v1/Deployment", Deployment.class,
            "apps/v1/StatefulSet", StatefulSet.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class);

    /** Fields of a Knative RevisionSpec on top of a Kubernetes PodSpec. */
    private static final Set<String> KNATIVE_REVISION_FIELDS =
            Set.of("containerConcurrency", "timeoutSeconds", "responseStartTimeoutSeconds", "idleTimeoutSeconds");

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper STRICT = strictMapper();

    /** One YAML document: where it is, its tree, and its typed form (null for kustomizations and Knative). */
    record Doc(Path file, int index, JsonNode tree, Object typed) {

        String apiVersion() {
            return tree.path("apiVersion").asText();
        }

        String kind() {
            return tree.path("kind").asText();
        }

        String name() {
            return tree.path("metadata").path("name").asText();
        }

        /** "Kind name" as kustomize matches patches to resources. */
        String id() {
            return kind() + " " + name();
        }

        <T> T as(Class<T> type) {
            return type.cast(typed);
        }

        @Override
        public String toString() {
            return id() + " (" + file + (index > 0 ? " #" + (index + 1) : "") + ")";
        }
    }

    private Manifests() {}

    /** Every .yaml/.yml file under {@code root}. */
    static List<Path> files(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documents of one file, each checked and parsed strictly. */
    static List<Doc> parse(Path file) {
        List<Doc> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> trees = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (trees.hasNext()) {
                JsonNode tree = trees.next();
                if (tree == null || tree.isNull() || tree.isMissingNode()) {
                    continue;
                }
                docs.add(parse(file, docs.size(), tree));
            }
        } catch (IOException e) {
            throw new AssertionError(file + " is not valid YAML: " + e.getMessage(), e);
        }
        if (docs.isEmpty()) {
            throw new AssertionError(file + " holds no YAML document");
        }
        return docs;
    }

    static Doc parse(Path file, int index, JsonNode tree) {
        String where = file + (index > 0 ? " #" + (index + 1) : "");
        if (!tree.isObject()) {
            throw new AssertionError(where + " is not a YAML mapping");
        }
        String apiVersion = require(tree, "apiVersion", where);
        String kind = require(tree, "kind", where);
        if ("Kustomization".equals(kind)) {
            if (!KUSTOMIZE_API.equals(apiVersion)) {
                throw new AssertionError(where + ": a Kustomization has apiVersion " + KUSTOMIZE_API);
            }
            return new Doc(file, index, tree, null);
        }
        require(tree.path("metadata"), "name", where + " metadata");
        if (KNATIVE_API.equals(apiVersion) && "Service".equals(kind)) {
            checkKnative(tree, where);
            return new Doc(file, index, tree, null);
        }
        Class<?> type = TYPES.get(apiVersion + "/" + kind);
        if (type == null) {
            throw new AssertionError(where + ": unexpected " + apiVersion + " " + kind + "; known: " + TYPES.keySet());
        }
        return new Doc(file, index, tree, strict(tree, type, where));
    }

    /** Parses {@code tree} into {@code type}, failing on any field the Kubernetes API does not know. */
    static <T> T strict(JsonNode tree, Class<T> type, String where) {
        try {
            return STRICT.treeToValue(tree, type);
        } catch (IOException e) {
            throw new AssertionError(where + " is not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** The Knative pod template, as a Kubernetes PodTemplateSpec (without the RevisionSpec-only fields). */
    static PodTemplateSpec knativeTemplate(Doc knative) {
        return knativeTemplate(knative.tree(), knative.toString());
    }

    private static PodTemplateSpec knativeTemplate(JsonNode knative, String where) {
        ObjectNode template = knative.path("spec").path("template").deepCopy();
        ((ObjectNode) template.path("spec")).remove(KNATIVE_REVISION_FIELDS);
        return strict(template, PodTemplateSpec.class, where + " spec.template");
    }

    private static void checkKnative(JsonNode tree, String where) {
        JsonNode spec = tree.path("spec");
        spec.fieldNames().forEachRemaining(field -> {
            if (!Set.of("template", "traffic").contains(field)) {
                throw new AssertionError(where + ": a Knative Service spec has no field " + field);
            }
        });
        if (!spec.path("template").path("spec").path("containers").isArray()) {
            throw new AssertionError(where + ": spec.template.spec.containers is missing");
        }
        knativeTemplate(tree, where);
    }

    private static String require(JsonNode node, String field, String where) {
        String value = node.path(field).asText("");
        if (value.isBlank()) {
            throw new AssertionError(where + ": " + field + " is missing");
        }
        return value;
    }

    /** Jackson without the fabric8 "additionalProperties" catch-all, so unknown fields fail. */
    private static ObjectMapper strictMapper() {
        YAMLMapper mapper = new YAMLMapper();
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
            @Override
            public Boolean hasAnySetter(Annotated member) {
                return Boolean.FALSE;
            }
        });
        return mapper;
    }
}
