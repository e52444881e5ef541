package dev.switchboard.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.reliability.ReliabilityLoad.Mark;
import dev.switchboard.reliability.ReliabilityLoad.User;
import dev.switchboard.reliability.ReliabilityLoad.Verification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What the virtual users saw, kept on the load's one event-loop thread: every attempt's outcome, the moments of the
 * good answers (to measure from the script's marks), each user's disruptions (from its first failed attempt to the
 * answer that ended the run of failures), lost sessions, and per-interval lines for a soak.
 */
final class Recorder {

    /** A run of failed attempts of one user, ended by a good answer ({@code until}) or by the end of the load (0). */
    record Disruption(int user, long since, long until) {}

    record Failure(long startMillis, long endMillis, String reason) {}

    private static final int MAX_FAILURES_KEPT = 200_000;

    private final int userCount;
    private long startMillis;
    private long countFrom;
    private long attempts;
    private long good;
    private long failed;
    private final Map<String, Long> byStatus = new TreeMap<>();
    private final Map<String, Long> reasons = new TreeMap<>();
    private final List<Failure> failures = new ArrayList<>();
    private long[] goodEnds = new long[1 << 16];
    private int goodCount;
    private final List<Disruption> disruptions = new ArrayList<>();
    private final List<long[]> lost = new ArrayList<>();
    private long sessionsOpened;
    private final List<Long> sessionOpenings = new ArrayList<>();
    private final Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);

    // the current interval of a soak
    private long intervalStart;
    private long intervalAttempts;
    private long intervalFailed;
    private final Histogram intervalLatency = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
    private final ArrayNode intervals = ReliabilityLoad.JSON.createArrayNode();

    Recorder(int userCount) {
        this.userCount = userCount;
    }

    void begin(long startMillis, long warmupMillis, long reportEveryMillis) {
        this.startMillis = startMillis;
        this.countFrom = startMillis + warmupMillis;
        this.intervalStart = startMillis;
    }

    void attempt(User user, String kind, Outcome outcome, long start, long end, long micros, int replica) {
        intervalAttempts++;
        if (outcome.ok()) {
            intervalLatency.recordValue(Math.min(Math.max(1, micros), intervalLatency.getHighestTrackableValue()));
        } else {
            intervalFailed++;
        }
        if (start < countFrom) {
            return;
        }
        attempts++;
        byStatus.merge(outcome.status() < 0 ? "no answer" : Integer.toString(outcome.status()), 1L, Long::sum);
        if (outcome.ok()) {
            good++;
            latency.recordValue(Math.min(Math.max(1, micros), latency.getHighestTrackableValue()));
            if (goodCount == goodEnds.length) {
                goodEnds = Arrays.copyOf(goodEnds, goodEnds.length * 2);
            }
            goodEnds[goodCount++] = end;
        } else {
            failed++;
            reasons.merge(outcome.reason(), 1L, Long::sum);
            if (failures.size() < MAX_FAILURES_KEPT) {
                failures.add(new Failure(start, end, outcome.reason()));
            }
        }
    }

    void recovered(User user, long since, long until) {
        if (until >= countFrom) {
            disruptions.add(new Disruption(user.index, since, until));
        }
    }

    void sessionOpened(User user, long millis) {
        sessionOpenings.add(millis);
        if (millis >= countFrom) {
            sessionsOpened++;
        }
    }

    void sessionLost(User user, long millis) {
        lost.add(new long[] {user.index, user.sessionCreatedMillis, millis});
    }

    /** Prints one line for the interval that just ended and starts the next. */
    void report(long now) {
        double seconds = Math.max(0.001, (now - intervalStart) / 1000.0);
        ObjectNode line = ReliabilityLoad.JSON.createObjectNode();
        line.put("endSecond", Math.round((now - startMillis) / 1000.0));
        line.put("requests", intervalAttempts);
        line.put("requestsPerSecond", Math.round(intervalAttempts / seconds));
        line.put("failed", intervalFailed);
        line.put("p50Ms", intervalLatency.getValueAtPercentile(50) / 1000.0);
        line.put("p99Ms", intervalLatency.getValueAtPercentile(99) / 1000.0);
        line.put("maxMs", intervalLatency.getMaxValue() / 1000.0);
        intervals.add(line);
        System.out.printf(
                "reliability-load: %5d s  %,9d requests  %,7d req/s  failed %d  p50 %.2f ms  p99 %.2f ms  max %.1f ms%n",
                line.get("endSecond").asLong(),
                intervalAttempts,
                line.get("requestsPerSecond").asLong(),
                intervalFailed,
                line.get("p50Ms").asDouble(),
                line.get("p99Ms").asDouble(),
                line.get("maxMs").asDouble());
        System.out.flush();
        intervalStart = now;
        intervalAttempts = 0;
        intervalFailed = 0;
        intervalLatency.reset();
    }

    ObjectNode summary(
            List<Mark> marks, long endMillis, ReadinessPoller readiness, Verification verification, List<User> users) {
        ObjectNode s = ReliabilityLoad.JSON.createObjectNode();
        s.put("start", Instant.ofEpochMilli(startMillis).toString());
        double seconds = Math.max(0.001, (endMillis - countFrom) / 1000.0);
        s.put("countedSeconds", Math.round(seconds * 10) / 10.0);
        s.put("requests", attempts);
        s.put("good", good);
        s.put("failed", failed);
        s.put("goodPerSecond", Math.round(good / seconds));
        ObjectNode statuses = s.putObject("byStatus");
        byStatus.forEach(statuses::put);
        ObjectNode why = s.putObject("failureReasons");
        reasons.forEach(why::put);
        ObjectNode lat = s.putObject("latencyMs");
        lat.put("p50", latency.getValueAtPercentile(50) / 1000.0);
        lat.put("p99", latency.getValueAtPercentile(99) / 1000.0);
        lat.put("p999", latency.getValueAtPercentile(99.9) / 1000.0);
        lat.put("max", latency.getMaxValue() / 1000.0);
        s.put("sessionsOpened", sessionsOpened);
        s.put("sessionsLost", lost.size());
        long firstMark = marks.isEmpty() ? Long.MAX_VALUE : marks.get(0).millis();
        s.put(
                "sessionsOpenedBeforeFirstMark",
                sessionOpenings.stream().filter(t -> t < firstMark).count());
        s.put("sessionsLostOfThose", lost.stream().filter(l -> l[1] < firstMark).count());
        ArrayNode lostList = s.putArray("lostSessions");
        for (long[] l : lost) {
            lostList.addObject().put("user", l[0]).put("createdMs", l[1]).put("lostMs", l[2]);
        }
        // disruptions still open when the load ended
        List<Disruption> all = new ArrayList<>(disruptions);
        for (User user : users) {
            if (user.failingSince != 0) {
                all.add(new Disruption(user.index, user.failingSince, 0));
            }
        }
        s.put("disruptions", all.size());
        s.put("usersNeverServedAgain", all.stream().filter(d -> d.until() == 0).count());

        ArrayNode markNodes = s.putArray("marks");
        for (int i = 0; i < marks.size(); i++) {
            Mark mark = marks.get(i);
            long next = i + 1 < marks.size() ? marks.get(i + 1).millis() : Long.MAX_VALUE;
            ObjectNode m = markNodes.addObject();
            m.put("name", mark.name());
            m.put("at", Instant.ofEpochMilli(mark.millis()).toString());
            m.put("atSecond", (mark.millis() - startMillis) / 1000.0);
            long firstGood = firstGoodAtOrAfter(mark.millis());
            m.put("firstGoodAnswerAfterMs", firstGood < 0 ? -1 : firstGood - mark.millis());
            // the users disrupted across this mark or in its phase: when was the last of them served again?
            long lastRecovery = -1;
            int disrupted = 0;
            int never = 0;
            List<Long> served = new ArrayList<>();
            for (Disruption d : all) {
                boolean relevant = (d.until() == 0 || d.until() >= mark.millis()) && d.since() < next;
                if (!relevant) {
                    continue;
                }
                disrupted++;
                if (d.until() == 0) {
                    never++;
                } else {
                    lastRecovery = Math.max(lastRecovery, d.until());
                    served.add(d.until() - mark.millis());
                }
            }
            // when the failures answered after this mark (and before the next) reached the clients
            long firstFailure = -1;
            long lastFailure = -1;
            for (Failure f : failures) {
                if (f.endMillis() >= mark.millis() && f.endMillis() < next) {
                    firstFailure = firstFailure < 0 ? f.endMillis() : Math.min(firstFailure, f.endMillis());
                    lastFailure = Math.max(lastFailure, f.endMillis());
                }
            }
            m.put("firstFailureAfterMs", firstFailure < 0 ? -1 : firstFailure - mark.millis());
            m.put("lastFailureAfterMs", lastFailure < 0 ? -1 : lastFailure - mark.millis());
            served.sort(null);
            ArrayNode servedAfter = m.putArray("eachUserServedAgainAfterMs");
            served.forEach(servedAfter::add);
            m.put("medianUserServedAgainAfterMs", served.isEmpty() ? 0 : served.get(served.size() / 2));
            m.put("usersDisrupted", disrupted);
            m.put("usersNeverServedAgain", never);
            m.put("allUsersServedAgainAfterMs", lastRecovery < 0 ? 0 : lastRecovery - mark.millis());
            if (readiness != null) {
                List<ReadinessPoller.Change> changes = readiness.changes();
                m.put("readinessAtMark", stateAt(changes, mark.millis()));
                m.put("firstDownAfterMs", firstAfter(changes, mark.millis(), "DOWN"));
                m.put("firstUpAfterMs", firstAfter(changes, mark.millis(), "UP"));
            }
        }
        // failures by the phase (between marks) in which their answer came
        ArrayNode phases = s.putArray("phases");
        for (int i = 0; i <= marks.size(); i++) {
            long from = i == 0 ? Long.MIN_VALUE : marks.get(i - 1).millis();
            long to = i == marks.size() ? Long.MAX_VALUE : marks.get(i).millis();
            ObjectNode phase = phases.addObject();
            phase.put(
                    "name",
                    (i == 0 ? "start" : marks.get(i - 1).name()) + " → "
                            + (i == marks.size() ? "end" : marks.get(i).name()));
            Map<String, Long> byReason = new TreeMap<>();
            long count = 0;
            for (Failure f : failures) {
                if (f.endMillis() >= from && f.endMillis() < to) {
                    byReason.merge(f.reason(), 1L, Long::sum);
                    count++;
                }
            }
            phase.put("failed", count);
            phase.put("good", countGood(from, to));
            ObjectNode r = phase.putObject("failureReasons");
            byReason.forEach(r::put);
        }
        if (readiness != null) {
            ArrayNode changes = s.putArray("readiness");
            for (ReadinessPoller.Change change : readiness.changes()) {
                changes.addObject()
                        .put("second", (change.millis() - startMillis) / 1000.0)
                        .put("state", change.state());
            }
            s.put("readinessPolls", readiness.polls());
        }
        if (verification != null) {
            ObjectNode v = s.putObject("verification");
            v.put("sessions", verification.sessions());
            v.put("answered", verification.answered());
            v.put("withAllEvents", verification.complete());
            v.put("createdBeforeFirstMark", verification.createdBeforeFirstMark());
            v.put("answeredOfThose", verification.answeredOfThose());
            v.put("withAllEventsOfThose", verification.completeOfThose());
            v.put("eventsExpected", verification.eventsExpected());
            v.put("eventsMissing", verification.eventsMissing());
            v.put("inDoubtEventsFound", verification.eventsInDoubtFound());
            v.put("duplicateEvents", verification.duplicateEvents());
            ObjectNode vf = v.putObject("failures");
            verification.failures().forEach(vf::put);
        }
        if (!intervals.isEmpty()) {
            s.set("intervals", intervals);
        }
        s.put("users", userCount);
        return s;
    }

    private long firstGoodAtOrAfter(long millis) {
        int at = lowerBound(millis);
        return at < goodCount ? goodEnds[at] : -1;
    }

    private long countGood(long from, long to) {
        return lowerBound(to) - (long) lowerBound(from);
    }

    /** The first index whose moment is at or after {@code millis} (good answers are recorded in order). */
    private int lowerBound(long millis) {
        int lo = 0;
        int hi = goodCount;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (goodEnds[mid] < millis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static String stateAt(List<ReadinessPoller.Change> changes, long millis) {
        String state = "unknown";
        for (ReadinessPoller.Change change : changes) {
            if (change.millis() > millis) {
                break;
            }
            state = change.state();
        }
        return state;
    }

    private static long firstAfter(List<ReadinessPoller.Change> changes, long millis, String state) {
        for (ReadinessPoller.Change change : changes) {
            if (change.millis() >= millis && change.state().equals(state)) {
                return change.millis() - millis;
            }
        }
        return -1;
    }

    /** The summary as text, the last lines a script prints. */
    static String text(JsonNode s) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                "requests %,d: good %,d, failed %,d (%,d good/s over %.1f s); latency p50 %.2f ms, p99 %.2f ms, max"
                        + " %.1f ms%n",
                s.get("requests").asLong(),
                s.get("good").asLong(),
                s.get("failed").asLong(),
                s.get("goodPerSecond").asLong(),
                s.get("countedSeconds").asDouble(),
                s.path("latencyMs").path("p50").asDouble(),
                s.path("latencyMs").path("p99").asDouble(),
                s.path("latencyMs").path("max").asDouble()));
        out.append("answers by HTTP status: ").append(s.get("byStatus")).append('\n');
        s.get("failureReasons")
                .fields()
                .forEachRemaining(e -> out.append(
                        String.format("  failed %,6d  %s%n", e.getValue().asLong(), e.getKey())));
        out.append(String.format(
                "sessions opened %,d, lost %d; users disrupted %d times, never served again %d%n",
                s.get("sessionsOpened").asLong(),
                s.get("sessionsLost").asLong(),
                s.get("disruptions").asLong(),
                s.get("usersNeverServedAgain").asLong()));
        for (JsonNode m : s.get("marks")) {
            out.append(String.format(
                    "mark %s at %.1f s: first good answer after %d ms; %d users disrupted, all served again after %d"
                            + " ms (%d never)",
                    m.get("name").asText(),
                    m.get("atSecond").asDouble(),
                    m.get("firstGoodAnswerAfterMs").asLong(),
                    m.get("usersDisrupted").asLong(),
                    m.get("allUsersServedAgainAfterMs").asLong(),
                    m.get("usersNeverServedAgain").asLong()));
            if (m.has("readinessAtMark")) {
                out.append(String.format(
                        "; readiness %s at the mark, first DOWN after %d ms, first UP after %d ms",
                        m.get("readinessAtMark").asText(),
                        m.get("firstDownAfterMs").asLong(),
                        m.get("firstUpAfterMs").asLong()));
            }
            out.append('\n');
        }
        for (JsonNode p : s.get("phases")) {
            if (s.get("marks").isEmpty()) {
                break;
            }
            out.append(String.format(
                    "phase %s: good %,d, failed %,d %s%n",
                    p.get("name").asText(),
                    p.get("good").asLong(),
                    p.get("failed").asLong(),
                    p.get("failureReasons").isEmpty()
                            ? ""
                            : p.get("failureReasons").toString()));
        }
        if (s.has("readiness")) {
            out.append("readiness changes (second: state): ");
            for (JsonNode c : s.get("readiness")) {
                out.append(String.format(
                        "%.1f: %s  ", c.get("second").asDouble(), c.get("state").asText()));
            }
            out.append('\n');
        }
        if (s.has("verification")) {
            JsonNode v = s.get("verification");
            out.append(String.format(
                    "verification: %d sessions, %d answered, %d with every acknowledged event; created before the"
                            + " first mark: %d, answered %d, complete %d; events expected %,d, missing %d; in-doubt"
                            + " events found %d, duplicates %d; failures %s%n",
                    v.get("sessions").asInt(),
                    v.get("answered").asInt(),
                    v.get("withAllEvents").asInt(),
                    v.get("createdBeforeFirstMark").asInt(),
                    v.get("answeredOfThose").asInt(),
                    v.get("withAllEventsOfThose").asInt(),
                    v.get("eventsExpected").asLong(),
                    v.get("eventsMissing").asLong(),
                    v.get("inDoubtEventsFound").asLong(),
                    v.get("duplicateEvents").asLong(),
                    v.get("failures")));
        }
        return out.toString();
    }

    /**
     * The main figures as shell assignments: {@code REQUESTS}, {@code GOOD}, {@code FAILED}, {@code STATUS_<code>}
     * (answers by HTTP status, {@code STATUS_none} for no answer), {@code FAILED_5XX_NOT_503}, {@code
     * RETRY_AFTER_503} / {@code NO_RETRY_AFTER_503}, {@code SESSIONS_OPENED}, {@code SESSIONS_LOST}, {@code P50_MS},
     * {@code P99_MS}, {@code MAX_MS}, {@code GOOD_PER_SECOND}; per mark {@code <MARK>_FIRST_GOOD_MS}, {@code
     * <MARK>_ALL_SERVED_MS}, {@code <MARK>_DISRUPTED}, {@code <MARK>_NEVER}, {@code <MARK>_READY_AT}, {@code
     * <MARK>_FIRST_DOWN_MS}, {@code <MARK>_FIRST_UP_MS}, and per phase after it {@code <MARK>_PHASE_FAILED} and
     * {@code <MARK>_PHASE_GOOD}; {@code VERIFY_*} for the check after the load.
     */
    static String figures(JsonNode s) {
        StringBuilder out = new StringBuilder();
        java.util.function.BiConsumer<String, Object> put = (name, value) -> out.append(name)
                .append('=')
                .append(shellQuote(String.valueOf(value)))
                .append('\n');
        put.accept("REQUESTS", s.get("requests").asLong());
        put.accept("GOOD", s.get("good").asLong());
        put.accept("FAILED", s.get("failed").asLong());
        put.accept("GOOD_PER_SECOND", s.get("goodPerSecond").asLong());
        put.accept("P50_MS", s.path("latencyMs").path("p50").asDouble());
        put.accept("P99_MS", s.path("latencyMs").path("p99").asDouble());
        put.accept("MAX_MS", s.path("latencyMs").path("max").asDouble());
        long fiveHundreds = 0;
        StringBuilder statuses = new StringBuilder();
        for (var it = s.get("byStatus").fields(); it.hasNext(); ) {
            var e = it.next();
            String code = e.getKey().equals("no answer") ? "none" : e.getKey();
            put.accept("STATUS_" + code, e.getValue().asLong());
            statuses.append(statuses.isEmpty() ? "" : ", ")
                    .append(e.getKey())
                    .append(": ")
                    .append(e.getValue());
            if (code.startsWith("5") && !code.equals("503")) {
                fiveHundreds += e.getValue().asLong();
            }
        }
        put.accept("STATUSES", statuses);
        put.accept("FAILURE_REASONS", s.get("failureReasons").toString());
        put.accept("FAILED_5XX_NOT_503", fiveHundreds);
        long withRetryAfter = 0;
        long withoutRetryAfter = 0;
        for (var it = s.get("failureReasons").fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().startsWith("HTTP 503 with Retry-After")) {
                withRetryAfter += e.getValue().asLong();
            } else if (e.getKey().startsWith("HTTP 503 without")) {
                withoutRetryAfter += e.getValue().asLong();
            }
        }
        put.accept("RETRY_AFTER_503", withRetryAfter);
        put.accept("NO_RETRY_AFTER_503", withoutRetryAfter);
        put.accept("SESSIONS_OPENED", s.get("sessionsOpened").asLong());
        put.accept("SESSIONS_LOST", s.get("sessionsLost").asLong());
        put.accept(
                "SESSIONS_BEFORE_FIRST_MARK",
                s.get("sessionsOpenedBeforeFirstMark").asLong());
        put.accept("SESSIONS_LOST_OF_THOSE", s.get("sessionsLostOfThose").asLong());
        put.accept("USERS_NEVER_SERVED_AGAIN", s.get("usersNeverServedAgain").asLong());
        JsonNode marks = s.get("marks");
        for (int i = 0; i < marks.size(); i++) {
            JsonNode m = marks.get(i);
            String name = m.get("name").asText().toUpperCase(java.util.Locale.ROOT);
            put.accept(name + "_SECOND", m.get("atSecond").asDouble());
            put.accept(name + "_FIRST_GOOD_MS", m.get("firstGoodAnswerAfterMs").asLong());
            put.accept(
                    name + "_ALL_SERVED_MS", m.get("allUsersServedAgainAfterMs").asLong());
            put.accept(
                    name + "_MEDIAN_SERVED_MS",
                    m.get("medianUserServedAgainAfterMs").asLong());
            put.accept(
                    name + "_EACH_SERVED_MS",
                    m.get("eachUserServedAgainAfterMs").toString());
            put.accept(name + "_FIRST_FAILURE_MS", m.get("firstFailureAfterMs").asLong());
            put.accept(name + "_LAST_FAILURE_MS", m.get("lastFailureAfterMs").asLong());
            put.accept(name + "_DISRUPTED", m.get("usersDisrupted").asLong());
            put.accept(name + "_NEVER", m.get("usersNeverServedAgain").asLong());
            if (m.has("readinessAtMark")) {
                put.accept(name + "_READY_AT", m.get("readinessAtMark").asText());
                put.accept(name + "_FIRST_DOWN_MS", m.get("firstDownAfterMs").asLong());
                put.accept(name + "_FIRST_UP_MS", m.get("firstUpAfterMs").asLong());
            }
            JsonNode phase = s.get("phases").get(i + 1);
            put.accept(name + "_PHASE_FAILED", phase.get("failed").asLong());
            put.accept(name + "_PHASE_GOOD", phase.get("good").asLong());
            put.accept(name + "_PHASE_REASONS", phase.get("failureReasons").toString());
        }
        if (marks.size() > 0) {
            put.accept(
                    "BEFORE_PHASE_FAILED", s.get("phases").get(0).get("failed").asLong());
        }
        if (s.has("verification")) {
            JsonNode v = s.get("verification");
            put.accept("VERIFY_SESSIONS", v.get("sessions").asInt());
            put.accept("VERIFY_ANSWERED", v.get("answered").asInt());
            put.accept("VERIFY_COMPLETE", v.get("withAllEvents").asInt());
            put.accept("VERIFY_BEFORE", v.get("createdBeforeFirstMark").asInt());
            put.accept("VERIFY_BEFORE_ANSWERED", v.get("answeredOfThose").asInt());
            put.accept("VERIFY_BEFORE_COMPLETE", v.get("withAllEventsOfThose").asInt());
            put.accept("VERIFY_EVENTS", v.get("eventsExpected").asLong());
            put.accept("VERIFY_EVENTS_MISSING", v.get("eventsMissing").asLong());
            put.accept("VERIFY_DUPLICATES", v.get("duplicateEvents").asLong());
            put.accept("VERIFY_FAILURES", v.get("failures").toString());
        }
        return out.toString();
    }

    private static String shellQuote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
