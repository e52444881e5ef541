package dev.switchboard.testing.tools;

import dev.switchboard.api.Description;
import dev.switchboard.api.Tool;
import dev.switchboard.api.ToolContext;
import dev.switchboard.api.ToolException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Several tools on one bean, written as an author writes them: described, constrained parameters, typed results. */
@ApplicationScoped
public class PlannerTools {

    /** How full the days are. */
    public enum Pace {
        RELAXED,
        BUSY
    }

    public record Trip(
            @Description("Where the trip goes") String destination,
            int nights,
            Pace pace,
            List<String> packingList,
            @Description("Who asked for it") String traveller) {}

    @Tool(name = "test.plan.trip", title = "Plan a trip", description = "Plans a trip.", readOnly = true)
    public Trip plan(
            @Description("Where to go, e.g. \"Lisbon\"") @NotBlank @Size(max = 40) String destination,
            @Description("Nights away, 1-30") @Min(1) @Max(30) int nights,
            @Description("How full the days are; relaxed when omitted") Optional<Pace> pace,
            ToolContext context) {
        if (destination.equalsIgnoreCase("Atlantis")) {
            throw new ToolException("Atlantis cannot be reached: pick a place on a map");
        }
        Pace chosen = pace.orElse(Pace.RELAXED);
        return new Trip(
                destination,
                nights,
                chosen,
                checklist(nights),
                context.principal().id());
    }

    @Tool(name = "test.plan.checklist", description = "Lists what to pack.", readOnly = true, idempotent = true)
    public List<String> checklist(@Description("Nights away") @Positive int nights) {
        List<String> items = new ArrayList<>(List.of("passport", "charger"));
        for (int night = 1; night <= Math.min(nights, 3); night++) {
            items.add("shirt " + night);
        }
        return items;
    }
}
