package dev.switchboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.api.ToolContext;
import dev.switchboard.api.ToolResult;
import dev.switchboard.builtin.weather.OfflineWeatherTools;
import dev.switchboard.builtin.weather.WeatherTool;
import dev.switchboard.jsonrpc.JsonRpcParser;
import dev.switchboard.jsonrpc.JsonRpcPayload;
import dev.switchboard.jsonrpc.JsonRpcRequest;
import dev.switchboard.jsonrpc.JsonRpcResponse;
import dev.switchboard.protocol.ListToolsResult;
import dev.switchboard.registry.RegisteredTool;
import dev.switchboard.registry.ToolDescriptor;
import dev.switchboard.registry.ToolRegistry;
import dev.switchboard.testing.QuietToolContext;
import dev.switchboard.testing.Registries;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The in-process part of a {@code tools/call} and a {@code tools/list} page, without HTTP, CDI or Redis: the classes
 * the service uses, built with their constructors. Covered: {@link JsonRpcParser} on the request bytes, the
 * registry lookup, argument binding and validation ({@code ArgumentBinder}: Jackson + Hibernate Validator), the tool
 * ({@code weather.get} on the offline provider, without the service's cache in front), the result conversion
 * ({@link RegisteredTool#invoke}) and the response serialised to bytes with Jackson. Not covered: the transport
 * (header checks, era detection), the protocol dispatcher and its per-call context, the worker-thread hop, metrics
 * and the session store. Run with {@code scripts/bench.sh --jmh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DispatchBenchmark {

    static final byte[] CALL = ("{\"jsonrpc\":\"2.0\",\"id\":42,\"method\":\"tools/call\",\"params\":{\"name\":"
                    + "\"weather.get\",\"arguments\":{\"city\":\"Paris\",\"days\":3}}}")
            .getBytes(StandardCharsets.UTF_8);

    private ObjectMapper mapper;
    private JsonRpcParser parser;
    private ToolRegistry registry;
    private ToolContext context;
    private JsonRpcResponse listPage;

    @Setup
    public void setUp() {
        mapper = new ObjectMapper().findAndRegisterModules();
        parser = new JsonRpcParser(mapper);
        Validator validator = Validation.byDefaultProvider()
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory()
                .getValidator();
        WeatherTool weather =
                OfflineWeatherTools.weatherTool(Clock.fixed(Instant.parse("2026-11-24T07:00:00Z"), ZoneOffset.UTC));
        registry = Registries.of(mapper, validator, weather);
        context = new QuietToolContext("weather.get");
        // A full tools/list page (the default page size, 50) of descriptors shaped like weather.get's.
        ToolDescriptor template = registry.descriptors().get(0);
        List<ToolDescriptor> page = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            page.add(new ToolDescriptor(
                    template.name() + i,
                    template.title(),
                    template.description(),
                    template.inputSchema(),
                    template.outputSchema(),
                    template.icons(),
                    template.annotations(),
                    template.execution()));
        }
        listPage = JsonRpcResponse.success(
                new dev.switchboard.jsonrpc.JsonRpcId(mapper.getNodeFactory().numberNode(7)),
                // As ToolRegistry does at start-up: each descriptor serialised once, pages copy the bytes.
                new ListToolsResult(
                        page.stream()
                                .map(descriptor -> new com.fasterxml.jackson.databind.util.RawValue(
                                        new com.fasterxml.jackson.core.io.SerializedString(writeString(descriptor))))
                                .toList(),
                        "next"));
    }

    private String writeString(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Request bytes to a validated JSON-RPC request. */
    @Benchmark
    public JsonRpcPayload parse() {
        return parser.parse(CALL);
    }

    /** Request bytes to response bytes: parse, look up, bind and validate, call, convert, serialise. */
    @Benchmark
    public byte[] toolsCall() throws Exception {
        JsonRpcPayload payload = parser.parse(CALL);
        JsonRpcRequest request =
                (JsonRpcRequest) ((JsonRpcPayload.Valid) payload.entries().get(0)).message();
        RegisteredTool tool = registry.find(request.param("name").textValue()).orElseThrow();
        JsonNode arguments = request.param("arguments");
        ToolResult result = tool.invoke(arguments, context);
        return mapper.writeValueAsBytes(JsonRpcResponse.success(request.id(), result));
    }

    /** One {@code tools/list} page of 50 tools serialised. */
    @Benchmark
    public byte[] toolsListPage() throws Exception {
        return mapper.writeValueAsBytes(listPage);
    }
}
