package cn.shanghai.residence.gateway.citizen;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import cn.shanghai.residence.gateway.citizen.Reminder.Kind;
import cn.shanghai.residence.gateway.i18n.Text;
import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.police.ResidencePermit;
import cn.shanghai.residence.gateway.postal.Shipment;

/**
 * The service's precise reminders (办证提醒, 签注提醒, address changes, and each application's progress: review,
 * production, pick-up and delivery), composed from the agencies' data. Pure: the same facts always give the same
 * reminders, soonest first, undated last.
 */
final class ReminderRules {

    /** How early the eligibility and endorsement reminders start. */
    static final int NOTICE_DAYS = 30;

    private ReminderRules() {
    }

    static List<Reminder> reminders(CitizenFacts facts) {
        List<Reminder> reminders = new ArrayList<>();
        LocalDate horizon = facts.today().plusDays(NOTICE_DAYS);
        ResidencePermit permit = facts.permit();
        boolean permitInHand = permit != null && permit.status() == ResidencePermit.Status.VALID;
        boolean permitNeeded = (permit == null || permit.status() == ResidencePermit.Status.EXPIRED
                || permit.status() == ResidencePermit.Status.REVOKED)
                && facts.openApplication(Application.Kind.RESIDENCE_PERMIT_NEW).isEmpty();

        facts.activeRegistration()
                .filter(registration -> permitNeeded)
                .filter(registration -> !registration.eligibleFrom().isAfter(horizon))
                .ifPresent(registration -> reminders.add(new Reminder(Kind.PERMIT_ELIGIBLE,
                        registration.eligibleFrom(),
                        Text.of("reminder.PERMIT_ELIGIBLE", registration.eligibleFrom()))));
        if (permitInHand && facts.permitLapsed()) {
            reminders.add(new Reminder(Kind.ENDORSEMENT_DUE, permit.validUntil(),
                    Text.of("reminder.ENDORSEMENT_DUE.lapsed", permit.validUntil())));
        } else if (permitInHand && !permit.validUntil().isAfter(horizon)) {
            reminders.add(new Reminder(Kind.ENDORSEMENT_DUE, permit.validUntil(),
                    Text.of("reminder.ENDORSEMENT_DUE", permit.validUntil())));
        }
        if (permitInHand && permit.autoEndorsement() != null && !permit.autoEndorsement().eligible()) {
            reminders.add(new Reminder(Kind.AUTO_ENDORSEMENT_FAILED, permit.validUntil(),
                    CitizenFacts.policeSaid(permit.autoEndorsement().reason())
                            .map(reason -> Text.of("reminder.AUTO_ENDORSEMENT_FAILED.reason", reason))
                            .orElse(Text.of("reminder.AUTO_ENDORSEMENT_FAILED"))));
        }
        facts.moveSinceRegistration().ifPresent(contract -> reminders.add(new Reminder(Kind.ADDRESS_CHANGE_DUE,
                contract.startDate().plusDays(30), Text.of("reminder.ADDRESS_CHANGE_DUE"))));
        for (Application application : facts.applications()) {
            progress(facts, application).ifPresent(reminders::add);
        }
        reminders.sort(Comparator.comparing(Reminder::dueOn, Comparator.nullsLast(Comparator.naturalOrder())));
        return List.copyOf(reminders);
    }

    /**
     * The one reminder of an application's progress, by the step it has reached, dated the day it got there (the
     * newest timeline event in that status): what police need, their decision, production, the card's way home.
     * Nothing is said while an application waits (SUBMITTED, UNDER_REVIEW, or a status police added that the
     * gateway does not know yet) or after it ended (CANCELLED, or COMPLETED but for an approval that closed it at
     * once); a refusal, a delivery or such an approval is news for
     * {@value CitizenFacts#OUTCOME_NOTICE_DAYS} days.
     */
    private static Optional<Reminder> progress(CitizenFacts facts, Application application) {
        LocalDate on = CitizenFacts.reachedOn(application);
        return switch (application.status()) {
            case NEEDS_SUPPLEMENT -> Optional.of(new Reminder(Kind.APPLICATION_NEEDS_SUPPLEMENT, on,
                    JourneyRules.needsMore(application)));
            case REJECTED -> Optional.of(application)
                    .filter(facts.standingRejections()::contains)
                    .filter(facts::recent)
                    .map(refused -> new Reminder(Kind.APPLICATION_REJECTED, on, JourneyRules.refused(refused)));
            case APPROVED -> Optional.of(new Reminder(Kind.APPLICATION_APPROVED, on, approved(application.kind(), on)));
            case IN_PRODUCTION -> Optional.of(new Reminder(Kind.PERMIT_IN_PRODUCTION, on,
                    Text.of("reminder.PERMIT_IN_PRODUCTION", on)));
            case READY_FOR_PICKUP -> Optional.of(new Reminder(Kind.READY_FOR_PICKUP, null,
                    Text.of("reminder.READY_FOR_PICKUP")));
            case SHIPPED -> Optional.of(shipped(facts, application, on));
            case DELIVERED -> Optional.of(application).filter(facts::recent)
                    .map(delivered -> new Reminder(Kind.PERMIT_DELIVERED, on,
                            Text.of("reminder.PERMIT_DELIVERED", on)));
            case COMPLETED -> approvedRecently(facts, application)
                    .map(day -> new Reminder(Kind.APPLICATION_APPROVED, day, approved(application.kind(), day)));
            default -> Optional.empty();
        };
    }

    /**
     * A registration or an address change police approved and closed at once is still news: its approval day, for
     * {@value CitizenFacts#OUTCOME_NOTICE_DAYS} days (a permit's end is its delivery or pick-up, said on its own).
     */
    private static Optional<LocalDate> approvedRecently(CitizenFacts facts, Application application) {
        if (application.kind() == Application.Kind.RESIDENCE_PERMIT_NEW) {
            return Optional.empty();
        }
        return application.events().stream().filter(event -> event.status() == Application.Status.APPROVED)
                .map(event -> CitizenFacts.shanghaiDay(event.at()))
                .max(LocalDate::compareTo)
                .filter(day -> !day.isBefore(facts.today().minusDays(CitizenFacts.OUTCOME_NOTICE_DAYS)));
    }

    /** Approval, with what the seed promises follows it: the e-permit the same day, the e-certificate in a day. */
    private static Text approved(Application.Kind kind, LocalDate on) {
        return switch (kind) {
            case RESIDENCE_PERMIT_NEW -> Text.of("reminder.APPLICATION_APPROVED.permit", on);
            case RESIDENCE_REGISTRATION -> Text.of("reminder.APPLICATION_APPROVED.registration", on);
            default -> Text.of("reminder.APPLICATION_APPROVED", CitizenFacts.name(kind), on);
        };
    }

    /**
     * A card on its way. With EMS's parcel: out for delivery and delivered are their own reminders, any other
     * movement a delivery update. Without it (EMS does not know the number yet, or is down): police's word that
     * it was sent, on the day it was.
     */
    private static Reminder shipped(CitizenFacts facts, Application application, LocalDate on) {
        String trackingNo = application.delivery() == null ? null : application.delivery().trackingNo();
        Shipment parcel = trackingNo == null ? null : facts.shipments().get(trackingNo);
        if (parcel == null) {
            return new Reminder(Kind.PERMIT_SHIPPED, on, trackingNo == null
                    ? Text.of("reminder.PERMIT_SHIPPED", on)
                    : Text.of("reminder.PERMIT_SHIPPED.tracked", on, trackingNo));
        }
        return switch (parcel.status()) {
            case OUT_FOR_DELIVERY -> new Reminder(Kind.PERMIT_OUT_FOR_DELIVERY, parcel.estimatedDelivery(),
                    deliveryMessage(parcel));
            case DELIVERED -> new Reminder(Kind.PERMIT_DELIVERED, parcel.events().stream()
                    .map(Shipment.Event::at)
                    .max(Comparator.naturalOrder())
                    .map(CitizenFacts::shanghaiDay)
                    .orElse(parcel.estimatedDelivery()), deliveryMessage(parcel));
            default -> new Reminder(Kind.DELIVERY_UPDATE, parcel.estimatedDelivery(), deliveryMessage(parcel));
        };
    }

    /** The parcel's status ({@code parcel.*}), then the expected day and the fee when EMS gives them. */
    private static Text deliveryMessage(Shipment shipment) {
        Text.Arg status = Text.key("parcel." + shipment.status().name());
        String fee = shipment.codAmount() == null ? null : shipment.codAmount().toPlainString();
        if (shipment.estimatedDelivery() == null) {
            return fee == null ? Text.of("reminder.DELIVERY_UPDATE", status)
                    : Text.of("reminder.DELIVERY_UPDATE.fee", status, fee);
        }
        return fee == null ? Text.of("reminder.DELIVERY_UPDATE.expected", status, shipment.estimatedDelivery())
                : Text.of("reminder.DELIVERY_UPDATE.expected.fee", status, shipment.estimatedDelivery(), fee);
    }
}
