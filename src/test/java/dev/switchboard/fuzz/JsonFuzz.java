package dev.switchboard.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** JSON generators and mutations of JSON trees for the fuzzer. */
final class JsonFuzz {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonFuzz() {}

    /** Strings a parser or a validator may choke on. */
    static Arbitrary<String> nastyStrings() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "",
                        " ",
                        "\u0000",
                        "null",
                        "2.0",
                        "tools/call",
                        "weather.get",
                        "../../etc/passwd",
                        "\uD83D\uDE00",
                        "\uFEFF",
                        "\u202E",
                        "é",
                        "=?base64?w6k=?=",
                        "%00",
                        "{\"a\":1}",
                        "\\u0000",
                        "a\nb",
                        "1e999"),
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(8),
                Arbitraries.strings().all().ofMaxLength(20));
    }

    /** Any JSON value, up to {@code depth} levels of arrays and objects. */
    static Arbitrary<JsonNode> values(int depth) {
        Arbitrary<JsonNode> leaves = Arbitraries.oneOf(
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.bigIntegers()
                        .between(BigInteger.TEN.pow(18).negate(), BigInteger.TEN.pow(40))
                        .map(NODES::numberNode),
                nastyStrings().map(NODES::textNode));
        return Arbitraries.recursive(() -> leaves, JsonFuzz::containers, 0, depth);
    }

    private static Arbitrary<JsonNode> containers(Arbitrary<JsonNode> element) {
        Arbitrary<JsonNode> arrays = element.list().ofMaxSize(4).map(items -> {
            ArrayNode array = NODES.arrayNode();
            items.forEach(array::add);
            return array;
        });
        Arbitrary<JsonNode> objects =
                Arbitraries.maps(nastyStrings(), element).ofMaxSize(4).map(JsonFuzz::object);
        return Arbitraries.oneOf(arrays, objects);
    }

    private static JsonNode object(Map<String, JsonNode> members) {
        ObjectNode object = NODES.objectNode();
        members.forEach(object::set);
        return object;
    }

    /** One edit of a JSON tree, aimed at a node picked by {@code target} (modulo the number of nodes). */
    record Mutation(Kind kind, int target, String key, JsonNode value) {
        enum Kind {
            REPLACE,
            DELETE,
            ADD
        }

        @Override
        public String toString() {
            return kind + "@" + target
                    + (kind == Kind.DELETE ? "" : " " + key + "=" + JsonRpcShape.abbreviate(String.valueOf(value)));
        }
    }

    static Arbitrary<Mutation> mutations() {
        return Combinators.combine(
                        Arbitraries.of(Mutation.Kind.class),
                        Arbitraries.integers().between(0, 1000),
                        Arbitraries.oneOf(
                                Arbitraries.of(
                                        "id",
                                        "method",
                                        "params",
                                        "jsonrpc",
                                        "name",
                                        "arguments",
                                        "_meta",
                                        "result",
                                        "error"),
                                nastyStrings()),
                        Arbitraries.oneOf(Arbitraries.of(Seeds.WRONG_TYPES), values(2)))
                .as(Mutation::new);
    }

    /** A place in a tree: a member of an object or an element of an array. */
    record Slot(JsonNode parent, String field, int index) {}

    /** Every slot of {@code root}, depth first. */
    static List<Slot> slots(JsonNode root) {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        return slots;
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                slots.add(new Slot(node, name, -1));
                collect(node.get(name), slots);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                slots.add(new Slot(node, null, i));
                collect(node.get(i), slots);
            }
        }
    }

    /** {@code seed} with the mutations applied, on a copy. */
    static JsonNode mutate(JsonNode seed, List<Mutation> mutations) {
        JsonNode root = seed.deepCopy();
        for (Mutation generated : mutations) {
            // Generated values may be shared between tries: edit copies, never them.
            Mutation mutation = new Mutation(
                    generated.kind(),
                    generated.target(),
                    generated.key(),
                    generated.value().deepCopy());
            List<Slot> slots = slots(root);
            if (slots.isEmpty()) {
                return mutation.kind() == Mutation.Kind.REPLACE ? mutation.value() : root;
            }
            Slot slot = slots.get(mutation.target() % slots.size());
            switch (mutation.kind()) {
                case REPLACE -> set(slot, mutation.value());
                case DELETE -> {
                    if (slot.parent() instanceof ObjectNode object) {
                        object.remove(slot.field());
                    } else {
                        ((ArrayNode) slot.parent()).remove(slot.index());
                    }
                }
                case ADD -> {
                    JsonNode at = slot.field() != null
                            ? slot.parent().get(slot.field())
                            : slot.parent().get(slot.index());
                    if (at instanceof ObjectNode object) {
                        object.set(mutation.key(), mutation.value());
                    } else if (at instanceof ArrayNode array) {
                        array.add(mutation.value());
                    } else if (slot.parent() instanceof ObjectNode parent) {
                        parent.set(mutation.key(), mutation.value());
                    }
                }
            }
        }
        return root;
    }

    static void set(Slot slot, JsonNode value) {
        if (slot.parent() instanceof ObjectNode object) {
            object.set(slot.field(), value);
        } else {
            ((ArrayNode) slot.parent()).set(slot.index(), value);
        }
    }
}
