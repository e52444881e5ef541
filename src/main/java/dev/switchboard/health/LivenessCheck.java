package dev.switchboard.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Up while the process can answer HTTP. It depends on nothing outside the process: restarting a replica because Redis
 * is down would not bring Redis back (readiness takes the replica out of traffic instead).
 */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        Runtime runtime = Runtime.getRuntime();
        return HealthCheckResponse.named("process")
                .up()
                .withData("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000)
                .withData("heapUsedMb", (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024))
                .build();
    }
}
