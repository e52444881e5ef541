package dev.switchboard.observability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Exemplars cost a span lookup per meter update: only worth it while traces are recorded. */
class TraceExemplarsTest {

    @Test
    void noSamplerWhileTheSdkIsOff() {
        assertTrue(new TraceExemplars().exemplarSampler(true).isEmpty());
    }

    @Test
    void theTraceSamplerWhileTracesAreRecorded() {
        assertTrue(new TraceExemplars().exemplarSampler(false).isPresent());
    }
}
