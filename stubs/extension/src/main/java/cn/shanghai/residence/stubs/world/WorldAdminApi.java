package cn.shanghai.residence.stubs.world;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * The world's controls on each stub's admin API, for the gateway (which pushes its sandbox clock here when the
 * stubs run on their own) and for integrators:
 * {@code GET|POST /__admin/sandbox/clock}, {@code POST /__admin/sandbox/reset}, {@code POST /__admin/sandbox/next-outcome}.
 */
final class WorldAdminApi implements AdminApiExtension {

    private final SandboxWorld world;

    WorldAdminApi(SandboxWorld world) {
        this.world = world;
    }

    @Override
    public String getName() {
        return "sandbox-world-admin";
    }

    @Override
    public void contributeAdminApiRoutes(Router router) {
        router.add(RequestMethod.GET, "/sandbox/clock", (admin, event, params) -> clock());
        router.add(RequestMethod.POST, "/sandbox/clock", (admin, event, params) -> setClock(event.getRequest().getBodyAsString()));
        router.add(RequestMethod.POST, "/sandbox/reset", (admin, event, params) -> {
            world.reset();
            return clock();
        });
        router.add(RequestMethod.POST, "/sandbox/next-outcome",
                (admin, event, params) -> nextOutcome(event.getRequest().getBodyAsString()));
    }

    /** {@code {"advance": "P1D"}} moves the clock forward; {@code {"now": "...Z", "scale": 60}} sets it. */
    private ResponseDefinition setClock(String text) {
        Map<String, Object> body;
        try {
            body = JsonText.object(text == null || text.isBlank() ? "{}" : text);
        } catch (RuntimeException e) {
            return error("INVALID_CLOCK", "send a JSON object: {\"advance\": \"P1D\"} or {\"now\": \"2027-01-01T00:00:00Z\", \"scale\": 1}");
        }
        try {
            if (body.get("advance") instanceof String advance) {
                world.clock().advance(SandboxClock.parseAdvance(advance));
            } else if (body.get("now") instanceof String now) {
                double scale = body.get("scale") instanceof Number n ? n.doubleValue() : world.clock().scale();
                world.clock().set(Instant.parse(now), scale);
            } else {
                return error("INVALID_CLOCK", "send {\"advance\": \"P1D\"} or {\"now\": \"2027-01-01T00:00:00Z\", \"scale\": 1}");
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return error("INVALID_CLOCK", e.getMessage());
        }
        return clock();
    }

    private ResponseDefinition nextOutcome(String text) {
        String hint = "send {\"personId\": \"ywtb-1001\", \"outcome\": one of " + Arrays.toString(Outcome.values()) + "}";
        try {
            Map<String, Object> body = JsonText.object(text == null || text.isBlank() ? "{}" : text);
            if (!(body.get("personId") instanceof String personId) || personId.isBlank()
                    || !(body.get("outcome") instanceof String outcome)) {
                return error("INVALID_OUTCOME", hint);
            }
            Outcome planned = Outcome.valueOf(outcome);
            world.planNext(personId, planned);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("personId", personId);
            out.put("outcome", planned.name());
            return json(200, out);
        } catch (RuntimeException e) {
            return error("INVALID_OUTCOME", hint);
        }
    }

    private ResponseDefinition clock() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("now", Records.instant(world.now()));
        out.put("scale", world.clock().scale());
        return json(200, out);
    }

    private static ResponseDefinition error(String code, String message) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", code);
        out.put("message", message);
        return json(400, out);
    }

    private static ResponseDefinition json(int status, Object body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(JsonText.write(body)).build();
    }
}
