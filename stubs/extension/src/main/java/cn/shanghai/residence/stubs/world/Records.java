package cn.shanghai.residence.stubs.world;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the world's applications look like through the agencies' contracts (DESIGN.md §3) at a given instant:
 * the application itself, the registration and permit it creates or changes, bdc's e-licences and EMS's parcel.
 * Pure functions of the submissions and the instant.
 */
final class Records {

    static final Set<String> CLOSED = Set.of("REJECTED", "COMPLETED", "CANCELLED", "DELIVERED");
    static final int COD_FEN = 1500;

    private Records() {
    }

    static String instant(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    static LocalDate day(Instant at) {
        return at.atZone(SandboxClock.SHANGHAI).toLocalDate();
    }

    static Map<String, Object> application(Submission s, Instant now) {
        Progression.Plan plan = Progression.plan(s);
        List<Progression.Step> steps = plan.reached(now);
        Progression.Step current = steps.get(steps.size() - 1);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("applicationId", s.applicationId());
        out.put("personId", s.personId());
        out.put("kind", s.kind());
        out.put("status", current.status());
        out.put("submittedAt", instant(s.submittedAt()));
        out.put("updatedAt", instant(current.at()));
        out.put("delivery", delivery(s, plan, now));
        out.put("issuedLicenseId", plan.approvedBy(now) ? licenseId(s) : null);
        List<Map<String, Object>> events = new ArrayList<>();
        for (Progression.Step step : steps) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("at", instant(step.at()));
            event.put("status", step.status());
            event.put("note", step.note());
            events.add(event);
        }
        out.put("events", events);
        return out;
    }

    static boolean open(Submission s, Instant now) {
        return !CLOSED.contains(Progression.plan(s).current(now).status());
    }

    private static Map<String, Object> delivery(Submission s, Progression.Plan plan, Instant now) {
        if (!"RESIDENCE_PERMIT_NEW".equals(s.kind())) {
            return null;
        }
        Map<String, Object> delivery = new LinkedHashMap<>();
        delivery.put("method", s.postal() ? "POSTAL" : "PICKUP");
        delivery.put("serviceCenterId", s.postal() ? null : s.object("delivery").get("serviceCenterId"));
        delivery.put("trackingNo", plan.shippedBy(now) ? trackingNo(s) : null);
        return delivery;
    }

    /** The e-licence an approved application issues: the registration certificate or the permit; else none. */
    static String licenseId(Submission s) {
        return switch (s.kind()) {
            case "RESIDENCE_REGISTRATION" -> "EL-" + s.applicationId() + "-RRC";
            case "RESIDENCE_PERMIT_NEW" -> "EL-" + s.applicationId() + "-RP";
            default -> null;
        };
    }

    static String trackingNo(Submission s) {
        return "11" + digits(s.applicationId(), 11);
    }

    private static String digits(String seed, int length) {
        long value = Math.floorMod(seed.hashCode() * 2654435761L, (long) Math.pow(10, length));
        return String.format("%0" + length + "d", value);
    }

    /**
     * The residence registration at {@code now}: the static one (or none), replaced by the last approved
     * registration and moved by approved address changes, in the order police approved them.
     */
    static Map<String, Object> registration(List<Submission> mine, Map<String, Object> fromFiles, Instant now) {
        Map<String, Object> current = fromFiles == null ? null : new LinkedHashMap<>(fromFiles);
        for (Submission s : approvedInOrder(mine, now)) {
            if ("RESIDENCE_REGISTRATION".equals(s.kind())) {
                Progression.Plan plan = Progression.plan(s);
                current = new LinkedHashMap<>();
                current.put("registrationNo", registrationNo(s));
                current.put("status", "ACTIVE");
                current.put("registeredOn", day(plan.approvedAt()).toString());
                current.put("address", s.object("address"));
                current.put("residenceType", s.text("residenceType"));
                current.put("certificateLicenseId", licenseId(s));
            } else if ("REGISTRATION_ADDRESS_CHANGE".equals(s.kind()) && current != null) {
                Map<String, Object> address = s.object("address").isEmpty() ? s.object("newAddress") : s.object("address");
                current.put("address", address);
                if (s.text("residenceType") != null) {
                    current.put("residenceType", s.text("residenceType"));
                }
            }
        }
        return current;
    }

    /**
     * The residence permit at {@code now}: the static one (or none), replaced by an approved new permit, LOST after
     * an approved loss report, VALID after its cancellation, with the photo of an approved photo change.
     */
    static Map<String, Object> permit(List<Submission> mine, Map<String, Object> fromFiles, Instant now) {
        Map<String, Object> current = fromFiles == null ? null : new LinkedHashMap<>(fromFiles);
        for (Submission s : approvedInOrder(mine, now)) {
            switch (s.kind()) {
                case "RESIDENCE_PERMIT_NEW" -> {
                    LocalDate issuedOn = day(Progression.plan(s).approvedAt());
                    current = new LinkedHashMap<>();
                    current.put("permitNo", permitNo(s));
                    current.put("status", "VALID");
                    current.put("issuedOn", issuedOn.toString());
                    current.put("validUntil", issuedOn.plusYears(1).toString());
                    current.put("photoId", s.text("photoId"));
                    Map<String, Object> endorsement = new LinkedHashMap<>();
                    endorsement.put("eligible", true);
                    endorsement.put("reason", null);
                    current.put("autoEndorsement", endorsement);
                }
                case "PERMIT_LOSS_REPORT" -> setIfPresent(current, "status", "LOST");
                case "PERMIT_LOSS_CANCEL" -> setIfPresent(current, "status", "VALID");
                case "PERMIT_PHOTO_CHANGE" -> setIfPresent(current, "photoId", s.text("photoId"));
                default -> {
                }
            }
        }
        return current;
    }

    /** The permit status the person's own approved applications last set (null: they set none). */
    static String permitStatusSet(List<Submission> mine, Instant now) {
        String status = null;
        for (Submission s : approvedInOrder(mine, now)) {
            switch (s.kind()) {
                case "RESIDENCE_PERMIT_NEW", "PERMIT_LOSS_CANCEL" -> status = "VALID";
                case "PERMIT_LOSS_REPORT" -> status = "LOST";
                default -> {
                }
            }
        }
        return status;
    }

    private static void setIfPresent(Map<String, Object> permit, String field, Object value) {
        if (permit != null) {
            permit.put(field, value);
        }
    }

    private static List<Submission> approvedInOrder(List<Submission> mine, Instant now) {
        List<Submission> approved = new ArrayList<>();
        for (Submission s : mine) {
            if (Progression.plan(s).approvedBy(now)) {
                approved.add(s);
            }
        }
        approved.sort((a, b) -> Progression.plan(a).approvedAt().compareTo(Progression.plan(b).approvedAt()));
        return approved;
    }

    /** bdc's e-licences the person's approved applications issued by {@code now}. */
    static List<Map<String, Object>> licences(List<Submission> mine, Instant now) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Submission s : mine) {
            Progression.Plan plan = Progression.plan(s);
            String id = licenseId(s);
            if (id == null || !plan.approvedBy(now)) {
                continue;
            }
            LocalDate issuedOn = day(plan.approvedAt());
            boolean registration = "RESIDENCE_REGISTRATION".equals(s.kind());
            Map<String, Object> licence = new LinkedHashMap<>();
            licence.put("licenseId", id);
            licence.put("type", registration ? "RESIDENCE_REGISTRATION_CERTIFICATE" : "RESIDENCE_PERMIT");
            licence.put("number", registration ? registrationNo(s) : permitNo(s));
            licence.put("issuer", registration ? policeBranch(s) : "上海市公安局");
            licence.put("issuedOn", issuedOn.toString());
            licence.put("validUntil", registration ? null : issuedOn.plusYears(1).toString());
            licence.put("status", "VALID");
            out.add(licence);
        }
        return out;
    }

    /** EMS's view of the parcel carrying the card, once shipped; null before. */
    static Map<String, Object> shipment(Submission s, Instant now) {
        Progression.Plan plan = Progression.plan(s);
        if (!plan.shippedBy(now)) {
            return null;
        }
        List<Progression.ParcelEvent> events = plan.parcelBy(now);
        String status = events.get(events.size() - 1).status();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("trackingNo", trackingNo(s));
        out.put("status", status);
        out.put("codAmountFen", COD_FEN);
        boolean failed = "EXCEPTION".equals(status) || "RETURNED".equals(status);
        out.put("estimatedDelivery", failed || plan.deliveryDue() == null ? null : plan.deliveryDue().toString());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Progression.ParcelEvent event : events) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("at", instant(event.at()));
            item.put("location", event.location());
            item.put("description", event.description());
            list.add(item);
        }
        out.put("events", list);
        return out;
    }

    private static String registrationNo(Submission s) {
        return "JZDJ31" + digits("reg" + s.applicationId(), 11);
    }

    private static String permitNo(Submission s) {
        return "JZZ31" + digits("permit" + s.applicationId(), 11);
    }

    private static String policeBranch(Submission s) {
        Object district = s.object("address").get("district");
        String name = district instanceof String d ? d.replace("新区", "").replace("区", "") : "";
        return "上海市公安局" + name + "分局";
    }
}
