package dev.switchboard.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** JSON generators and mutations of JSON trees for the fuzzer. */
final class JsonFuzz {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonFuzz() {}

    /** Strings a parser or a validator may choke on. */
    static Gen<String> nastyStrings() {
        return Gen.oneOf(
                Gen.of(
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
                Gen.strings(' ', '~', 40),
                Gen.strings('\u0000', '\u001f', 8),
                // Any UTF-16 unit, lone surrogates included.
                Gen.strings('\u0000', '\uffff', 20));
    }

    /** Any JSON value, up to {@code depth} levels of arrays and objects. */
    static Gen<JsonNode> values(int depth) {
        Gen<JsonNode> leaves = Gen.oneOf(
                Gen.constant(NODES.nullNode()),
                Gen.booleans().map(NODES::booleanNode),
                Gen.oneOf(Gen.of(0, -1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE), Gen.ints(-1000, 1000))
                        .map(NODES::numberNode),
                Gen.oneOf(Gen.of(Long.MIN_VALUE, Long.MAX_VALUE), Gen.longs()).map(NODES::numberNode),
                Gen.oneOf(
                                Gen.of(0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e-300),
                                random -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-20, 20)))
                        .map(NODES::numberNode),
                random -> NODES.numberNode(new BigInteger(140, random).subtract(BigInteger.TEN.pow(18))),
                nastyStrings().map(NODES::textNode));
        if (depth == 0) {
            return leaves;
        }
        Gen<JsonNode> element = values(depth - 1);
        Gen<JsonNode> arrays = element.list(0, 4).map(items -> {
            ArrayNode array = NODES.arrayNode();
            items.forEach(array::add);
            return array;
        });
        Gen<JsonNode> objects = random -> {
            ObjectNode object = NODES.objectNode();
            for (int members = random.nextInt(5); members > 0; members--) {
                object.set(nastyStrings().next(random), element.next(random));
            }
            return object;
        };
        return Gen.frequency(List.of(Gen.weighted(2, leaves), Gen.weighted(1, arrays), Gen.weighted(1, objects)));
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

    static Gen<Mutation> mutations() {
        Gen<Mutation.Kind> kinds = Gen.of(Mutation.Kind.values());
        Gen<Integer> targets = Gen.ints(0, 1000);
        Gen<String> keys = Gen.oneOf(
                Gen.of("id", "method", "params", "jsonrpc", "name", "arguments", "_meta", "result", "error"),
                nastyStrings());
        Gen<JsonNode> replacements = Gen.oneOf(Gen.of(Seeds.WRONG_TYPES), values(2));
        return random ->
                new Mutation(kinds.next(random), targets.next(random), keys.next(random), replacements.next(random));
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
            // Generated values may be shared (the WRONG_TYPES constants): edit copies, never them.
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
