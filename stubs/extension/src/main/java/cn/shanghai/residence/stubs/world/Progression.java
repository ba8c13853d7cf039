package cn.shanghai.residence.stubs.world;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How an accepted application moves on sandbox time: a pure function of its kind, submission instant, delivery
 * and outcome plan, so every read computes the state at "now" and no scheduler is needed. Times follow the
 * service (seed 000): the registration e-certificate within one working day, the permit e-licence on the day of
 * approval, the card by EMS (15 CNY cash on delivery) or at the service centre.
 */
public final class Progression {

    static final LocalTime END_OF_DAY = LocalTime.of(17, 0);
    static final LocalTime MORNING = LocalTime.of(9, 0);
    static final Duration FIRST_LOOK = Duration.ofHours(1);
    static final Duration ONLINE_DECISION = Duration.ofMinutes(30);
    static final int REGISTRATION_WORKING_DAYS = 1;
    static final int PERMIT_WORKING_DAYS = 3;
    static final int SLOW_WORKING_DAYS = 5;
    static final int CARD_PRODUCTION_DAYS = 7;
    static final Duration POST_TRANSIT = Duration.ofDays(2);
    static final Duration PICKUP_WAIT = Duration.ofDays(3);

    static final String CARD_CENTRE = "上海市公安局证件制作中心";
    static final String SORTING_CENTRE = "上海邮区中心局";

    private Progression() {
    }

    /** One step of an application's timeline. */
    public record Step(Instant at, String status, String note) {
    }

    /** One EMS event of the parcel that carries the card: the shipment's status from then on. */
    public record ParcelEvent(Instant at, String status, String location, String description) {
    }

    /**
     * The whole planned course of an application.
     *
     * @param approvedAt  when police approved it (what it changes takes effect then); null if it never is
     * @param shippedAt   when the card went to EMS; null unless sent by post
     * @param parcel      the EMS events, from shipping on
     * @param deliveryDue the estimated delivery day; null when none (no parcel, or it will not arrive)
     */
    public record Plan(List<Step> steps, Instant approvedAt, Instant shippedAt, List<ParcelEvent> parcel,
            LocalDate deliveryDue) {

        /** The steps reached by {@code now}, the first (SUBMITTED) always. */
        public List<Step> reached(Instant now) {
            List<Step> done = new ArrayList<>();
            for (Step step : steps) {
                if (done.isEmpty() || !step.at().isAfter(now)) {
                    done.add(step);
                }
            }
            return done;
        }

        public Step current(Instant now) {
            List<Step> done = reached(now);
            return done.get(done.size() - 1);
        }

        public boolean approvedBy(Instant now) {
            return approvedAt != null && !approvedAt.isAfter(now);
        }

        public boolean shippedBy(Instant now) {
            return shippedAt != null && !shippedAt.isAfter(now);
        }

        public List<ParcelEvent> parcelBy(Instant now) {
            return parcel.stream().filter(event -> !event.at().isAfter(now)).toList();
        }
    }

    public static Plan plan(Submission submission) {
        return switch (submission.kind()) {
            case "RESIDENCE_REGISTRATION", "REGISTRATION_ADDRESS_CHANGE" -> registration(submission);
            case "RESIDENCE_PERMIT_NEW" -> permit(submission);
            default -> online(submission);
        };
    }

    /** Registration and address change: the police station decides by the end of the next working day. */
    private static Plan registration(Submission s) {
        int days = s.outcome() == Outcome.SLOW_REVIEW ? SLOW_WORKING_DAYS : REGISTRATION_WORKING_DAYS;
        Instant decided = endOfWorkingDay(s.submittedAt(), days);
        List<Step> steps = stationReview(s);
        if (refused(s, decided, steps)) {
            return new Plan(steps, null, null, List.of(), null);
        }
        boolean move = "REGISTRATION_ADDRESS_CHANGE".equals(s.kind());
        steps.add(new Step(decided, "APPROVED", move ? "居住登记地址已变更 / Registered address changed"
                : "审核通过，电子《居住登记凭证》已制发 / Approved; the e-certificate of residence registration is issued"));
        steps.add(new Step(decided.plus(Duration.ofMinutes(5)), "COMPLETED", "办结 / Completed"));
        return new Plan(steps, decided, null, List.of(), null);
    }

    /** New permit: review, approval with the e-licence the same day, card production, then post or pick-up. */
    private static Plan permit(Submission s) {
        int days = s.outcome() == Outcome.SLOW_REVIEW ? 2 * SLOW_WORKING_DAYS : PERMIT_WORKING_DAYS;
        Instant decided = endOfWorkingDay(s.submittedAt(), days);
        List<Step> steps = stationReview(s);
        if (refused(s, decided, steps)) {
            return new Plan(steps, null, null, List.of(), null);
        }
        steps.add(new Step(decided, "APPROVED", "审核通过，电子居住证已制发 / Approved; the electronic permit is issued"));
        LocalDate decidedOn = decided.atZone(SandboxClock.SHANGHAI).toLocalDate();
        Instant production = WorkingDays.after(decidedOn, 1).atTime(MORNING).atZone(SandboxClock.SHANGHAI).toInstant();
        steps.add(new Step(production, "IN_PRODUCTION", "居住证卡片制作中 / The card is being made"));
        Instant done = decidedOn.plusDays(CARD_PRODUCTION_DAYS).atTime(LocalTime.of(10, 0))
                .atZone(SandboxClock.SHANGHAI).toInstant();
        if (!s.postal()) {
            steps.add(new Step(done, "READY_FOR_PICKUP", "居住证已送达服务中心，请凭身份证领取 / Ready for pick-up at the service centre"));
            steps.add(new Step(done.plus(PICKUP_WAIT), "COMPLETED", "居住证已领取 / Picked up"));
            return new Plan(steps, decided, null, List.of(), null);
        }
        steps.add(new Step(done, "SHIPPED", "居住证已交邮政EMS寄出，货到付款15元 / Sent by EMS, 15 CNY cash on delivery"));
        Instant arrives = done.plus(POST_TRANSIT);
        List<ParcelEvent> parcel = new ArrayList<>();
        parcel.add(new ParcelEvent(done, "CREATED", CARD_CENTRE, "邮件信息已录入，等待揽收"));
        parcel.add(new ParcelEvent(done.plus(Duration.ofHours(2)), "PICKED_UP", CARD_CENTRE, "已收寄"));
        parcel.add(new ParcelEvent(done.plus(Duration.ofHours(8)), "IN_TRANSIT", SORTING_CENTRE, "到达处理中心"));
        Object address = s.object("delivery").get("address");
        String district = address instanceof Map<?, ?> a && a.get("district") instanceof String d ? d : "";
        String station = "上海市" + district + "揽投部";
        if (s.outcome() == Outcome.PARCEL_EXCEPTION || s.outcome() == Outcome.PARCEL_RETURNED) {
            parcel.add(new ParcelEvent(done.plus(Duration.ofDays(1)), "EXCEPTION", station, "投递异常：收件人电话无法接通"));
            if (s.outcome() == Outcome.PARCEL_RETURNED) {
                parcel.add(new ParcelEvent(done.plus(Duration.ofDays(3)), "RETURNED", station, "逾期无人签收，邮件已退回寄件人"));
            }
            return new Plan(steps, decided, done, List.copyOf(parcel), null);
        }
        parcel.add(new ParcelEvent(arrives.minus(Duration.ofHours(5)), "OUT_FOR_DELIVERY", station, "投递员正在派送"));
        parcel.add(new ParcelEvent(arrives, "DELIVERED", station, "已签收，货到付款15元已收"));
        steps.add(new Step(arrives, "DELIVERED", "居住证已签收 / Delivered"));
        return new Plan(steps, decided, done, List.copyOf(parcel),
                arrives.atZone(SandboxClock.SHANGHAI).toLocalDate());
    }

    /** Loss report, its cancellation, a photo change: decided online within the hour. */
    private static Plan online(Submission s) {
        Instant decided = s.submittedAt().plus(s.outcome() == Outcome.SLOW_REVIEW
                ? Duration.ofDays(2) : ONLINE_DECISION);
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(s.submittedAt(), "SUBMITTED", "网上申请已提交 / Submitted online"));
        if (refused(s, decided, steps)) {
            return new Plan(steps, null, null, List.of(), null);
        }
        steps.add(new Step(decided, "APPROVED", "审核通过 / Approved"));
        steps.add(new Step(decided.plus(Duration.ofMinutes(30)), "COMPLETED", "办结 / Completed"));
        return new Plan(steps, decided, null, List.of(), null);
    }

    /** Adds the refusal an outcome plan asks for at the decision instant; true when there is one. */
    /** What a police station's review begins with: the submission, then an officer looking at it an hour later. */
    private static List<Step> stationReview(Submission s) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(s.submittedAt(), "SUBMITTED", "网上申请已提交 / Submitted online"));
        steps.add(new Step(s.submittedAt().plus(FIRST_LOOK), "UNDER_REVIEW", "派出所民警审核中 / Under review by the police station"));
        return steps;
    }

    private static boolean refused(Submission s, Instant decided, List<Step> steps) {
        if (s.outcome() == Outcome.NEEDS_SUPPLEMENT) {
            steps.add(new Step(decided, "NEEDS_SUPPLEMENT", "材料需补正，请按短信提示补充 / More documents are needed"));
            return true;
        }
        if (s.outcome() == Outcome.REJECTED) {
            steps.add(new Step(decided, "REJECTED", "审核未通过 / Rejected"));
            return true;
        }
        return false;
    }

    /** 17:00 Shanghai time on the {@code n}-th working day after the submission day. */
    static Instant endOfWorkingDay(Instant submittedAt, int n) {
        LocalDate submittedOn = submittedAt.atZone(SandboxClock.SHANGHAI).toLocalDate();
        return WorkingDays.after(submittedOn, n).atTime(END_OF_DAY).atZone(SandboxClock.SHANGHAI).toInstant();
    }
}
