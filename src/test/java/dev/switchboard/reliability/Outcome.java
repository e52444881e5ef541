package dev.switchboard.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.reliability.ReliabilityLoad.Reply;
import dev.switchboard.reliability.ReliabilityLoad.Request;
import dev.switchboard.reliability.ReliabilityLoad.User;
import java.time.Duration;
import java.util.Locale;

/**
 * How one attempt ended, as a careful client reads it. {@code status} is the HTTP status, or -1 when there was no
 * answer (connection refused, reset or closed, or none within the request timeout). {@code reason} groups failures:
 * one bucket per kind of answer, never per request or session.
 */
record Outcome(
        boolean ok, int status, String reason, boolean connection, boolean sessionNotFound, long retryAfterSeconds) {

    static final String SESSION_NOT_FOUND = "Session not found";

    static Outcome ok(int status) {
        return new Outcome(true, status, null, false, false, -1);
    }

    static Outcome of(Request request, Reply reply, User user) {
        int status = reply.status();
        String body = reply.body();
        switch (request.kind()) {
            case "initialize" -> {
                if (status == 200 && body.contains("\"result\":") && reply.sessionId() != null) {
                    return ok(status);
                }
            }
            case "initialized" -> {
                if (status == 202) {
                    return ok(status);
                }
            }
            case "delete" -> {
                if (status == 204) {
                    return ok(status);
                }
            }
            default -> {
                if (status == 200 && body.contains("\"result\":") && !body.contains("\"isError\":true")) {
                    if ("calendar.list".equals(request.kind())) {
                        String missing = missingEvents(body, user);
                        if (missing != null) {
                            return failure(status, missing, reply);
                        }
                    }
                    return ok(status);
                }
                if (status == 200 && body.contains("\"isError\":true")) {
                    return failure(status, "tool error (isError: true): " + toolText(body), reply);
                }
            }
        }
        if (status == 503) {
            return failure(
                    status,
                    reply.retryAfter() == null
                            ? "HTTP 503 without Retry-After"
                            : "HTTP 503 with Retry-After: " + reply.retryAfter(),
                    reply);
        }
        return failure(status, "HTTP " + status + " to " + request.kind() + ": " + abbreviate(body), reply);
    }

    private static Outcome failure(int status, String reason, Reply reply) {
        long retryAfter = -1;
        if (reply.retryAfter() != null) {
            try {
                retryAfter = Long.parseLong(reply.retryAfter().trim());
            } catch (NumberFormatException e) {
                retryAfter = -1;
            }
        }
        boolean notFound = status == 404 && reply.body().contains(SESSION_NOT_FOUND);
        return new Outcome(false, status, reason, false, notFound, retryAfter);
    }

    static Outcome connection(Throwable cause, Duration timeout) {
        String message = String.valueOf(cause.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        String reason;
        if (lower.contains("connection refused")) {
            reason = "no answer: connection refused";
        } else if (lower.contains("timeout") || lower.contains("timed out")) {
            reason = "no answer within " + timeout.toSeconds() + " s";
        } else if (lower.contains("closed") || lower.contains("reset")) {
            reason = "no answer: connection closed or reset";
        } else {
            reason = "no answer: " + cause.getClass().getSimpleName() + ": " + abbreviate(message);
        }
        return new Outcome(false, -1, reason, true, false, -1);
    }

    /** Null when every event calendar.add answered for this session is listed. */
    private static String missingEvents(String body, User user) {
        try {
            JsonNode events = ReliabilityLoad.JSON
                    .readTree(body)
                    .path("result")
                    .path("structuredContent")
                    .path("events");
            java.util.Set<String> titles = new java.util.HashSet<>();
            events.forEach(event -> titles.add(event.path("title").asText()));
            long missing =
                    user.acknowledged.stream().filter(t -> !titles.contains(t)).count();
            return missing == 0 ? null : "calendar.list lacks events calendar.add had answered";
        } catch (Exception e) {
            return "calendar.list answered no JSON";
        }
    }

    private static String toolText(String body) {
        int at = body.indexOf("\"text\":\"");
        if (at < 0) {
            return abbreviate(body);
        }
        String text = body.substring(at + 8);
        int end = text.indexOf('"');
        return abbreviate(end < 0 ? text : text.substring(0, end));
    }

    static String abbreviate(String text) {
        String flat =
                text.replace('\n', ' ').replaceAll("\"id\":\\d+", "\"id\":N").replaceAll("[A-Za-z0-9_-]{32,}", "<id>");
        return flat.length() <= 140 ? flat : flat.substring(0, 140) + "...";
    }
}
