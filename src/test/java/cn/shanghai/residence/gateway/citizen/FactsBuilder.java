package cn.shanghai.residence.gateway.citizen;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.shanghai.residence.gateway.bdc.Photo;
import cn.shanghai.residence.gateway.housing.Property;
import cn.shanghai.residence.gateway.housing.RentalContract;
import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.police.ResidencePermit;
import cn.shanghai.residence.gateway.police.ResidenceRegistration;
import cn.shanghai.residence.gateway.postal.Shipment;
import cn.shanghai.residence.gateway.reference.Address;

/** One person's CitizenFacts on one day, built so that each rule test names only the facts it is about. */
final class FactsBuilder {

    static final Address HOME = new Address("徐汇区", "漕河泾街道", "漕宝路88弄3号1001室");
    static final Address NEW_HOME = new Address("杨浦区", "殷行街道", "开鲁路518弄9号602室");

    private final LocalDate today;
    private ResidenceRegistration registration;
    private ResidencePermit permit;
    private final List<Application> applications = new ArrayList<>();
    private final List<Property> properties = new ArrayList<>();
    private final List<RentalContract> contracts = new ArrayList<>();
    private final List<Photo> photos = new ArrayList<>();
    private LocalDate birthDate;
    private final Map<String, Shipment> shipments = new HashMap<>();

    private FactsBuilder(LocalDate today) {
        this.today = today;
    }

    static FactsBuilder on(LocalDate today) {
        return new FactsBuilder(today);
    }

    /** An active registration at {@link #HOME}. */
    FactsBuilder registeredOn(LocalDate day) {
        return registration(new ResidenceRegistration("JZDJ1", ResidenceRegistration.Status.ACTIVE, day, HOME,
                ResidenceRegistration.ResidenceType.RENTED_HOUSING, null));
    }

    FactsBuilder registration(ResidenceRegistration registration) {
        this.registration = registration;
        return this;
    }

    FactsBuilder permit(ResidencePermit permit) {
        this.permit = permit;
        return this;
    }

    FactsBuilder application(Application application) {
        applications.add(application);
        return this;
    }

    FactsBuilder property(Property property) {
        properties.add(property);
        return this;
    }

    FactsBuilder contract(RentalContract contract) {
        contracts.add(contract);
        return this;
    }

    FactsBuilder photo(Photo photo) {
        photos.add(photo);
        return this;
    }

    FactsBuilder bornOn(LocalDate birthDate) {
        this.birthDate = birthDate;
        return this;
    }

    FactsBuilder shipment(Shipment shipment) {
        shipments.put(shipment.trackingNo(), shipment);
        return this;
    }

    CitizenFacts build() {
        return new CitizenFacts(today, registration, permit, List.copyOf(applications), List.copyOf(properties),
                List.copyOf(contracts), List.copyOf(photos), birthDate, Map.copyOf(shipments));
    }

    static ResidencePermit permit(ResidencePermit.Status status, LocalDate validUntil) {
        return new ResidencePermit("JZZ1", status, validUntil.minusYears(1), validUntil, null,
                new ResidencePermit.AutoEndorsement(true, null));
    }

    static ResidencePermit permitFailingAutoEndorsement(LocalDate validUntil) {
        return new ResidencePermit("JZZ1", ResidencePermit.Status.VALID, validUntil.minusYears(1), validUntil, null,
                new ResidencePermit.AutoEndorsement(false, "NOT_LIVING_AT_ADDRESS"));
    }

    static Application application(Application.Kind kind, Application.Status status, LocalDate submittedOn) {
        return new Application("APL-" + kind + "-" + status + "-" + submittedOn, "p", kind, status, at(submittedOn),
                at(submittedOn), null, null, List.of());
    }

    static Application shipped(String trackingNo, LocalDate submittedOn) {
        return new Application("APL-" + trackingNo, "p", Application.Kind.RESIDENCE_PERMIT_NEW,
                Application.Status.SHIPPED, at(submittedOn), at(submittedOn),
                new Application.Delivery(Application.DeliveryMethod.POSTAL, null, trackingNo), null, List.of());
    }

    static RentalContract filed(Address address, LocalDate startDate) {
        return contract(address, Property.Usage.RESIDENTIAL, startDate, RentalContract.Status.FILED);
    }

    static RentalContract contract(Address address, Property.Usage usage, LocalDate startDate,
            RentalContract.Status status) {
        return new RentalContract("HT-" + startDate, "BA-" + startDate, address, usage, startDate,
                startDate.plusYears(2), status, "EL-" + startDate);
    }

    static Property property(Property.Usage usage) {
        return new Property("沪房-1", HOME, usage, "EL-P");
    }

    static Photo photo(Photo.Background background) {
        return new Photo("PH-1", Photo.Source.UPLOAD, LocalDate.of(2026, 1, 1), Photo.WIDTH_PX, Photo.HEIGHT_PX,
                Photo.DPI, background, Photo.Status.USABLE);
    }

    static OffsetDateTime at(LocalDate day) {
        return day.atTime(10, 0).atOffset(ZoneOffset.ofHours(8));
    }
}
