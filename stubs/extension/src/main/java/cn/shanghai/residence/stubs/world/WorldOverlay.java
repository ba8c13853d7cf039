package cn.shanghai.residence.stubs.world;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Lays the world over the static persona answers, after WireMock rendered them: police keeps accepted
 * applications and shows what their approval changed, bdc the e-licences they issued and uploaded photos, EMS
 * the parcels. The files stay the starting state; fault answers ({@code X-Stub-Fault}) pass untouched.
 */
final class WorldOverlay implements ResponseTransformerV2 {

    /** Static refusals that the person's own approved applications can make obsolete. */
    private static final Set<String> LIFTABLE = Set.of("REGISTRATION_REQUIRED", "PERMIT_REQUIRED",
            "PERMIT_NOT_LOST", "PERMIT_ALREADY_LOST");

    private final SandboxWorld world;

    WorldOverlay(SandboxWorld world) {
        this.world = world;
    }

    @Override
    public String getName() {
        return "sandbox-world";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public Response transform(Response response, ServeEvent event) {
        LoggedRequest request = event.getRequest();
        if (response.getFault() != null || request.getHeader("X-Stub-Fault") != null) {
            return response;
        }
        String url = request.getUrl();
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        String[] p = path.split("/");
        String method = request.getMethod().getName();
        try {
            return route(method, p, request, response);
        } catch (RuntimeException e) {
            // A body the overlay cannot read (a test's own stub, a garbled request): the static answer stands.
            return response;
        }
    }

    private Response route(String method, String[] p, LoggedRequest request, Response response) {
        Instant now = world.now();
        // p[0] is "", p[1] the upstream, p[2] "v1"
        if (p.length < 4) {
            return response;
        }
        String area = p[1] + " " + method + " " + p[3];
        switch (area) {
            case "police POST applications":
                return p.length == 4 ? submit(request, response, now) : response;
            case "police GET applications":
                return p.length == 5 ? application(p[4], response, now) : response;
            case "police POST attachments":
                if (p.length == 4 && response.getStatus() == 201) {
                    world.addAttachment(JsonText.object(response.getBodyAsString()));
                }
                return response;
            case "police GET attachments":
                return p.length == 5
                        ? world.attachment(p[4]).map(record -> with(response, 200, record)).orElse(response)
                        : response;
            case "police GET persons":
                if (p.length == 6) {
                    return switch (p[5]) {
                        case "applications" -> applications(p[4], request, response, now);
                        case "residence-registration" -> single(response,
                                Records.registration(world.of(p[4]), body(response), now));
                        case "residence-permit" -> single(response,
                                Records.permit(world.of(p[4]), body(response), now));
                        default -> response;
                    };
                }
                return response;
            case "bdc GET persons":
                if (p.length == 6 && p[5].equals("elicenses")) {
                    return licences(p[4], request, response, now);
                }
                if (p.length == 6 && p[5].equals("photos")) {
                    return appended(response, new ArrayList<>(world.photos(p[4])));
                }
                return response;
            case "bdc POST persons":
                if (p.length == 6 && p[5].equals("photos") && response.getStatus() == 201) {
                    world.addPhoto(p[4], JsonText.object(response.getBodyAsString()));
                }
                return response;
            case "bdc POST elicenses:batchGet":
                return batchLicences(request, response, now);
            case "postal GET shipments":
                return shipments(request, response, now);
            default:
                return response;
        }
    }

    /** Accepts what the files accept (or refused only for lack of what the person's own applications created). */
    private Response submit(LoggedRequest request, Response response, Instant now) {
        String key = request.getHeader("Idempotency-Key");
        if (key == null || key.isBlank()) {
            return response;
        }
        var replay = world.byKey(key);
        if (replay.isPresent()) {
            return accepted(response, replay.get());
        }
        Map<String, Object> body = JsonText.object(request.getBodyAsString());
        String personId = (String) body.get("personId");
        String kind = (String) body.get("kind");
        if (personId == null || kind == null) {
            return response;
        }
        List<Submission> mine = world.of(personId);
        boolean accepted = response.getStatus() == 201
                || response.getStatus() == 422 && lifted(code(response), mine, now);
        if (!accepted) {
            return response;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = body.get("payload") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        SandboxWorld.Acceptance acceptance = world.accept("APL-" + key, personId, kind, key, payload, now);
        if (acceptance.duplicate()) {
            Map<String, Object> refusal = new LinkedHashMap<>();
            refusal.put("code", "DUPLICATE_APPLICATION");
            refusal.put("message", "已有同类办件正在办理中（办件号 " + acceptance.submission().applicationId()
                    + "），请勿重复申请 / An application of this kind is already in progress");
            refusal.put("applicationId", acceptance.submission().applicationId());
            return with(response, 409, refusal);
        }
        return accepted(response, acceptance.submission());
    }

    private static boolean lifted(String code, List<Submission> mine, Instant now) {
        if (code == null || !LIFTABLE.contains(code)) {
            return false;
        }
        String permitStatus = Records.permitStatusSet(mine, now);
        return switch (code) {
            case "REGISTRATION_REQUIRED" -> Records.registration(mine, null, now) != null;
            case "PERMIT_REQUIRED" -> permitStatus != null;
            case "PERMIT_NOT_LOST" -> "LOST".equals(permitStatus);
            default -> "VALID".equals(permitStatus);
        };
    }

    private static Response accepted(Response response, Submission s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("applicationId", s.applicationId());
        out.put("status", "SUBMITTED");
        out.put("submittedAt", Records.instant(s.submittedAt()));
        return with(response, 201, out);
    }

    private Response application(String id, Response response, Instant now) {
        return world.application(id).map(s -> with(response, 200, Records.application(s, now))).orElse(response);
    }

    private Response applications(String personId, LoggedRequest request, Response response, Instant now) {
        boolean openOnly = "OPEN".equals(query(request, "scope").stream().findFirst().orElse("ALL"));
        List<Object> mine = new ArrayList<>();
        for (Submission s : world.of(personId)) {
            if (!openOnly || Records.open(s, now)) {
                mine.add(Records.application(s, now));
            }
        }
        return appended(response, mine);
    }

    private Response licences(String personId, LoggedRequest request, Response response, Instant now) {
        List<String> types = query(request, "type");
        List<Object> mine = new ArrayList<>();
        for (Map<String, Object> licence : Records.licences(world.of(personId), now)) {
            if (types.isEmpty() || types.contains(licence.get("type"))) {
                mine.add(licence);
            }
        }
        return appended(response, mine);
    }

    private Response batchLicences(LoggedRequest request, Response response, Instant now) {
        if (response.getStatus() != 200) {
            return response;
        }
        Object ids = JsonText.object(request.getBodyAsString()).get("licenseIds");
        if (!(ids instanceof List<?> wanted)) {
            return response;
        }
        List<Object> found = new ArrayList<>();
        for (Submission s : world.all()) {
            if (wanted.contains(Records.licenseId(s))) {
                found.addAll(Records.licences(List.of(s), now));
            }
        }
        return appended(response, found);
    }

    private Response shipments(LoggedRequest request, Response response, Instant now) {
        List<String> wanted = query(request, "trackingNo");
        List<Object> found = new ArrayList<>();
        for (Submission s : world.all()) {
            if (wanted.contains(Records.trackingNo(s))) {
                Map<String, Object> shipment = Records.shipment(s, now);
                if (shipment != null) {
                    found.add(shipment);
                }
            }
        }
        return appended(response, found);
    }

    /** A list answer with the world's items after the files' own. */
    private static Response appended(Response response, List<Object> extra) {
        if (extra.isEmpty() || response.getStatus() != 200) {
            return response;
        }
        List<Object> all = new ArrayList<>(JsonText.array(response.getBodyAsString()));
        all.addAll(extra);
        return with(response, 200, all);
    }

    /** A single-record answer (registration, permit): the world's version, or the files' 404 when there is none. */
    private static Response single(Response response, Map<String, Object> record) {
        if (record == null) {
            return response;
        }
        return with(response, 200, record);
    }

    private static Map<String, Object> body(Response response) {
        return response.getStatus() == 200 ? JsonText.object(response.getBodyAsString()) : null;
    }

    private static String code(Response response) {
        Object code = JsonText.object(response.getBodyAsString()).get("code");
        return code instanceof String s ? s : null;
    }

    private static List<String> query(LoggedRequest request, String name) {
        QueryParameter parameter = request.queryParameter(name);
        return parameter != null && parameter.isPresent() ? parameter.values() : List.of();
    }

    private static Response with(Response response, int status, Object body) {
        return Response.Builder.like(response).but().status(status).body(JsonText.write(body)).build();
    }
}
