package dev.switchboard.testing.tools;

import dev.switchboard.api.Description;
import dev.switchboard.api.Tool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Positive;

/** A tool declared without a name: it is named after its method, {@code nightsAway}. */
@ApplicationScoped
public class TripMath {

    @Tool(description = "How many nights a trip of this many days spends away.", readOnly = true, openWorld = false)
    public int nightsAway(@Description("Days of the trip, arrival and departure included") @Positive int days) {
        return days - 1;
    }
}
