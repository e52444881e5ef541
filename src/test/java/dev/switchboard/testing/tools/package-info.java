/**
 * Tools that exercise the tool context: progress, logging, cancellation, client requests, timeouts, threads, and tools
 * written as {@code @Tool} methods. They live in {@code src/test}, so they exist in test builds only, and there in
 * every {@code @QuarkusTest} application: the build's test registry (pom.xml, execution {@code test-tool-registry})
 * describes them. Tests that list tools read the registry rather than a fixed set.
 */
package dev.switchboard.testing.tools;
