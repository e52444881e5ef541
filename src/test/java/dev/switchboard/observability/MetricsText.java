package dev.switchboard.observability;

import static io.restassured.RestAssured.given;

import java.util.Arrays;

/** Reads sample values out of the Prometheus text at {@code /q/metrics}. */
final class MetricsText {

    private final String text;

    private MetricsText(String text) {
        this.text = text;
    }

    static MetricsText scrape() {
        return new MetricsText(
                given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /** The value of the sample {@code name} whose labels include every {@code label} (e.g. {@code tool="x"}). */
    double value(String name, String... labels) {
        return text.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(MetricsText::sample)
                .sum();
    }

    /** The value after the name and labels; an exemplar ({@code # {trace_id=...} 1.0 <time>}) may follow. */
    private static double sample(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        int valueStart = brace >= 0 && brace < space ? line.indexOf('}') + 1 : space;
        return Double.parseDouble(line.substring(valueStart).trim().split(" ")[0]);
    }

    boolean contains(String fragment) {
        return text.contains(fragment);
    }
}
