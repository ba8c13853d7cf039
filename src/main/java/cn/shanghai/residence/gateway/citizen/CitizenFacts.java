package cn.shanghai.residence.gateway.citizen;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import cn.shanghai.residence.gateway.GatewayApplication;
import cn.shanghai.residence.gateway.bdc.Photo;
import cn.shanghai.residence.gateway.i18n.Text;
import cn.shanghai.residence.gateway.housing.HousingRecords;
import cn.shanghai.residence.gateway.housing.Property;
import cn.shanghai.residence.gateway.housing.RentalContract;
import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.police.ResidencePermit;
import cn.shanghai.residence.gateway.police.ResidenceRegistration;
import cn.shanghai.residence.gateway.postal.Shipment;
import cn.shanghai.residence.gateway.reference.Guardianship;

/**
 * What the agencies know about one person on one day, gathered so that the journey and reminder rules are pure
 * functions of it. Absent sections (never registered, no permit) are null.
 */
public record CitizenFacts(LocalDate today, @Nullable ResidenceRegistration registration,
        @Nullable ResidencePermit permit, List<Application> applications, List<Property> properties,
        List<RentalContract> rentalContracts, List<Photo> photos, @Nullable LocalDate birthDate,
        Map<String, Shipment> shipments) {

    /** Registration that is in force, if any. */
    public Optional<ResidenceRegistration> activeRegistration() {
        return Optional.ofNullable(registration).filter(ResidenceRegistration::active);
    }

    /** The newest open application of a kind. */
    Optional<Application> openApplication(Application.Kind kind) {
        return applications.stream()
                .filter(a -> a.kind() == kind && a.open())
                .max(Comparator.comparing(Application::submittedAt));
    }

    /** The newest application of a kind, whatever its status. */
    Optional<Application> newestApplication(Application.Kind kind) {
        return applications.stream()
                .filter(a -> a.kind() == kind)
                .max(Comparator.comparing(Application::submittedAt));
    }

    /**
     * Refusals that still stand, oldest kind first: the newest application of its kind was rejected, and nothing
     * has made that moot. A registration refusal stands until the person is registered, a permit refusal until a
     * permit is in force; the refusal of anything else (an address change, a loss report, a photo) is news for
     * {@value #OUTCOME_NOTICE_DAYS} days after police decided.
     */
    List<Application> standingRejections() {
        return Arrays.stream(Application.Kind.values())
                .map(this::newestApplication)
                .flatMap(Optional::stream)
                .filter(a -> a.status() == Application.Status.REJECTED)
                .filter(this::stillMatters)
                .toList();
    }

    /** How long a closed outcome (a refusal, a delivery) is still news. */
    static final int OUTCOME_NOTICE_DAYS = 30;

    private boolean stillMatters(Application rejected) {
        return switch (rejected.kind()) {
            case RESIDENCE_REGISTRATION -> activeRegistration().isEmpty();
            case RESIDENCE_PERMIT_NEW -> !permitInForce();
            default -> recent(rejected);
        };
    }

    /** Whether the application reached its status within the last {@value #OUTCOME_NOTICE_DAYS} days. */
    boolean recent(Application application) {
        return !reachedOn(application).isBefore(today.minusDays(OUTCOME_NOTICE_DAYS));
    }

    /** A valid permit whose endorsement has not lapsed. */
    boolean permitInForce() {
        return permit != null && permit.status() == ResidencePermit.Status.VALID && !permitLapsed();
    }

    /**
     * The day (in Shanghai) an application reached its current status: the newest timeline event in that status,
     * else its last update.
     */
    static LocalDate reachedOn(Application application) {
        return shanghaiDay(currentEvent(application).map(Application.Event::at).orElse(application.updatedAt()));
    }

    /** The day an agency's instant fell on in Shanghai, whatever offset the agency wrote it in. */
    static LocalDate shanghaiDay(OffsetDateTime at) {
        return at.atZoneSameInstant(GatewayApplication.SHANGHAI).toLocalDate();
    }

    /** Police's note on the application's current status, if they wrote one. */
    static Optional<String> currentNote(Application application) {
        return currentEvent(application).flatMap(event -> policeSaid(event.note()));
    }

    private static Optional<Application.Event> currentEvent(Application application) {
        return application.events().stream()
                .filter(event -> event.status() == application.status())
                .max(Comparator.comparing(Application.Event::at));
    }

    /** What the service calls an application of a kind, in Chinese and in English, for messages. */
    /** The kind's name, rendered in the message's language ({@code kind.*} in the bundles). */
    static Text.Arg name(Application.Kind kind) {
        return Text.key("kind." + kind.name());
    }

    boolean hasCompliantPhoto() {
        return photos.stream().anyMatch(Photo::compliant);
    }

    /** The homes on file, which say what proves residence. */
    public HousingRecords housing() {
        return new HousingRecords(properties, rentalContracts);
    }

    boolean hasResidentialProof() {
        return housing().provesResidenceOn(today);
    }

    /** Housing on file, but none of it residential (an office, a shop), whether owned or rented. */
    boolean onlyNonResidentialHousing() {
        return housing().onlyNonResidentialOn(today);
    }

    /**
     * Police's own words (an auto-endorsement reason, a timeline note), when they gave any: shown as they are,
     * because police know the case and the gateway only knows the rule.
     */
    static Optional<String> policeSaid(@Nullable String text) {
        return Optional.ofNullable(text).map(String::strip).filter(said -> !said.isEmpty());
    }

    /** A valid permit whose endorsement date has already passed. */
    public boolean permitLapsed() {
        return permit != null && permit.status() == ResidencePermit.Status.VALID
                && permit.validUntil().isBefore(today);
    }

    public boolean minor() {
        return Guardianship.needsGuardian(birthDate, today);
    }

    /**
     * A filed contract in force at another address than the registered one, signed after registering, whose
     * move has not been declared yet (no address change applied for since the contract started).
     */
    Optional<RentalContract> moveSinceRegistration() {
        return activeRegistration().flatMap(registration -> rentalContracts.stream()
                .filter(c -> c.provesResidenceOn(today))
                .filter(c -> c.startDate() != null && c.startDate().isAfter(registration.registeredOn()))
                .filter(c -> !c.address().sameHomeAs(registration.address()))
                .max(Comparator.comparing(RentalContract::startDate)))
                .filter(contract -> !declaredSince(contract.startDate()));
    }

    private boolean declaredSince(LocalDate moved) {
        return applications.stream()
                .filter(a -> a.kind() == Application.Kind.REGISTRATION_ADDRESS_CHANGE)
                .filter(a -> a.status() != Application.Status.REJECTED && a.status() != Application.Status.CANCELLED)
                .anyMatch(a -> !shanghaiDay(a.submittedAt()).isBefore(moved));
    }
}
