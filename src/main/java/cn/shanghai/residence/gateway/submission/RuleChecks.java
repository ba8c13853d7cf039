package cn.shanghai.residence.gateway.submission;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import cn.shanghai.residence.gateway.bdc.BdcService;
import cn.shanghai.residence.gateway.bdc.ELicense;
import cn.shanghai.residence.gateway.bdc.Photo;
import cn.shanghai.residence.gateway.bdc.Profile;
import cn.shanghai.residence.gateway.housing.HousingService;
import cn.shanghai.residence.gateway.housing.Property;
import cn.shanghai.residence.gateway.housing.RentalContract;
import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.police.PoliceService;
import cn.shanghai.residence.gateway.police.ResidencePermit;
import cn.shanghai.residence.gateway.police.ResidenceRegistration.ResidenceType;
import cn.shanghai.residence.gateway.police.ResidenceRegistration;
import cn.shanghai.residence.gateway.reference.Address;
import cn.shanghai.residence.gateway.reference.Guardianship;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.AddressInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.ResidenceDeclaration;
import cn.shanghai.residence.gateway.submission.UserError.Code;
import cn.shanghai.residence.gateway.upstream.RequestMemo;

/**
 * The service's rules (DESIGN.md §2) checked against what the agencies hold, before anything is submitted, each
 * refusal with its own code; and the form data police receives when the rules pass.
 */
@Component
class RuleChecks {

    static final int DELIVERY_FEE_FEN = 1500;

    private final PoliceService police;
    private final HousingService housing;
    private final BdcService bdc;
    private final Clock clock;

    RuleChecks(PoliceService police, HousingService housing, BdcService bdc, Clock clock) {
        this.police = police;
        this.housing = housing;
        this.bdc = bdc;
        this.clock = clock;
    }

    Mono<Prepared> registration(RequestMemo memo, Applicant applicant, SubmissionInputs.ResidenceRegistrationInput in) {
        return Mono.zip(optional(police.registration(memo, applicant.personId())),
                        residence(memo, applicant, in))
                .map(t -> {
                    List<UserError> refusals = new ArrayList<>(t.getT2().refusals());
                    t.getT1().filter(ResidenceRegistration::active).ifPresent(active -> refusals.add(UserError.of(
                            Code.ALREADY_REGISTERED, "已办理居住登记，搬家请办理地址变更 / Already registered; declare "
                                    + "a move as an address change")));
                    if (!refusals.isEmpty()) {
                        return Prepared.refused(refusals);
                    }
                    t.getT2().form().put("mobile", in.mobile());
                    return t.getT2();
                });
    }

    Mono<Prepared> addressChange(RequestMemo memo, Applicant applicant, SubmissionInputs.AddressChangeInput in) {
        return Mono.zip(optional(police.registration(memo, applicant.personId())),
                        residence(memo, applicant, in))
                .map(t -> {
                    List<UserError> refusals = new ArrayList<>(t.getT2().refusals());
                    if (t.getT1().filter(ResidenceRegistration::active).isEmpty()) {
                        refusals.add(notRegistered());
                    }
                    return refusals.isEmpty() ? t.getT2() : Prepared.refused(refusals);
                });
    }

    Mono<Prepared> permit(RequestMemo memo, Applicant applicant, SubmissionInputs.ResidencePermitInput in) {
        LocalDate today = LocalDate.now(clock);
        return Mono.zip(optional(police.registration(memo, applicant.personId())),
                        optional(police.permit(memo, applicant.personId())),
                        bdc.photos(memo, applicant.personId()),
                        pickupCentre(memo, in.delivery()),
                        guardianNeeded(memo, applicant))
                .map(t -> {
                    List<UserError> refusals = new ArrayList<>(t.getT5());
                    Optional<ResidenceRegistration> registration = t.getT1().filter(ResidenceRegistration::active);
                    if (registration.isEmpty()) {
                        refusals.add(notRegistered());
                    } else if (today.isBefore(registration.get().eligibleFrom())) {
                        LocalDate from = registration.get().eligibleFrom();
                        refusals.add(UserError.of(Code.REGISTRATION_TOO_RECENT, "居住登记满6个月方可申办，可于 " + from
                                + " 起申请 / A permit needs 6 months of registration; apply from " + from));
                    }
                    if (t.getT2().filter(p -> p.status() == ResidencePermit.Status.VALID).isPresent()) {
                        refusals.add(UserError.of(Code.PERMIT_ALREADY_VALID, "已持有有效居住证，到期前请办理签注 / A valid "
                                + "permit is held; renew it by endorsement"));
                    }
                    photoRules(t.getT3(), in.photoId()).ifPresent(refusals::add);
                    if (!t.getT4()) {
                        refusals.add(UserError.at(Code.SERVICE_CENTER_UNAVAILABLE, "该服务中心不提供居住证领取 / This "
                                + "service centre does not hand out permits", "delivery", "serviceCenterId"));
                    }
                    if (!refusals.isEmpty()) {
                        return Prepared.refused(refusals);
                    }
                    var delivery = in.delivery();
                    Map<String, Object> form = new LinkedHashMap<>();
                    form.put("photoId", in.photoId());
                    Map<String, Object> deliveryForm = new LinkedHashMap<>();
                    deliveryForm.put("method", delivery.method().name());
                    if (delivery.method() == Application.DeliveryMethod.PICKUP) {
                        deliveryForm.put("serviceCenterId", delivery.serviceCenterId());
                    } else {
                        deliveryForm.put("address", address(delivery.address()));
                        deliveryForm.put("recipientMobile", delivery.recipientMobile());
                        deliveryForm.put("codAmountFen", DELIVERY_FEE_FEN);
                    }
                    form.put("delivery", deliveryForm);
                    form.put("appliedBy", applicant.callerId());
                    return Prepared.ready(form).with(new Application.Delivery(delivery.method(),
                            delivery.method() == Application.DeliveryMethod.PICKUP ? delivery.serviceCenterId() : null,
                            null));
                });
    }

    Mono<Prepared> lossReport(RequestMemo memo, Applicant applicant) {
        return permitState(memo, applicant, permit -> permit.status() == ResidencePermit.Status.LOST
                ? Optional.of(UserError.of(Code.PERMIT_ALREADY_LOST, "居住证已处于挂失状态 / The permit is already "
                        + "reported lost"))
                : Optional.empty());
    }

    Mono<Prepared> lossCancel(RequestMemo memo, Applicant applicant) {
        return permitState(memo, applicant, permit -> permit.status() != ResidencePermit.Status.LOST
                ? Optional.of(UserError.of(Code.PERMIT_NOT_LOST, "居住证未挂失，无需解挂 / The permit is not reported "
                        + "lost"))
                : Optional.empty());
    }

    Mono<Prepared> photoChoice(RequestMemo memo, Applicant applicant, SubmissionInputs.PhotoChoiceInput in) {
        return Mono.zip(optional(police.permit(memo, applicant.personId())), bdc.photos(memo, applicant.personId()),
                        guardianNeeded(memo, applicant))
                .map(t -> {
                    List<UserError> refusals = new ArrayList<>(t.getT3());
                    if (t.getT1().filter(p -> p.status() == ResidencePermit.Status.VALID).isEmpty()) {
                        refusals.add(permitRequired());
                    }
                    photoRules(t.getT2(), in.photoId()).ifPresent(refusals::add);
                    return refusals.isEmpty() ? Prepared.ready(new LinkedHashMap<>(Map.of("photoId", in.photoId(),
                            "appliedBy", applicant.callerId()))) : Prepared.refused(refusals);
                });
    }

    /**
     * The home and its proof, shared by registration and address change; writes the kinship letter. Housing and
     * e-licenses are only read for the kinds they prove (own or rented home); a relative's home is proven by the
     * letter and a dormitory by the employer's certificate.
     */
    private Mono<Prepared> residence(RequestMemo memo, Applicant applicant, ResidenceDeclaration in) {
        boolean ownHome = ownHomeType(in.residenceType());
        String person = applicant.personId();
        return Mono.zip(ownHome ? bdc.eLicenses(memo, person) : Mono.just(List.<ELicense>of()),
                        ownHome ? housing.properties(memo, person) : Mono.just(List.<Property>of()),
                        ownHome ? housing.rentalContracts(memo, person) : Mono.just(List.<RentalContract>of()),
                        optional(bdc.profile(memo, person)), guardianNeeded(memo, applicant))
                .map(t -> {
                    List<UserError> refusals = new ArrayList<>(t.getT5());
                    String proof = ownHome ? proof(in, t.getT1(), t.getT2(), t.getT3(), refusals) : null;
                    if (!refusals.isEmpty()) {
                        return Prepared.refused(refusals);
                    }
                    Address address = address(in.address());
                    Map<String, Object> form = new LinkedHashMap<>();
                    form.put("address", address);
                    form.put("residenceType", in.residenceType().name());
                    form.put("moveInDate", in.moveInDate().toString());
                    form.put("appliedBy", applicant.callerId());
                    if (proof != null) {
                        form.put("proofLicenseId", proof);
                    }
                    if (in.dormitoryCertificate() != null && in.residenceType() == ResidenceType.COLLECTIVE_DORMITORY) {
                        form.put("dormitoryCertificate", Map.of("employerName", in.dormitoryCertificate().employerName(),
                                "certificateNo", in.dormitoryCertificate().certificateNo()));
                    }
                    Prepared prepared = Prepared.ready(form);
                    if (relativeHomeType(in.residenceType())) {
                        String applicantName = t.getT4().map(Profile::name).orElse(applicant.personId());
                        KinshipCommitment letter = KinshipCommitment.write(applicantName, in.kinshipCommitment(),
                                address, OffsetDateTime.now(clock));
                        form.put("kinshipCommitment", Map.of("text", letter.text(),
                                "relativeName", letter.relativeName(), "relativeIdNumber", letter.relativeIdNumber(),
                                "relation", letter.relation().name(), "signatureConfirmed", true,
                                "signedAt", letter.signedAt().toString()));
                        prepared = prepared.with(letter);
                    }
                    return prepared;
                });
    }

    /**
     * The e-license proving a lawful, stable, residential home: the one offered (it must be the person's), or one
     * on file. Non-residential usage and missing proof are refused with their own codes.
     */
    private String proof(ResidenceDeclaration in, List<ELicense> licenses, List<Property> properties,
            List<RentalContract> contracts, List<UserError> refusals) {
        LocalDate today = LocalDate.now(clock);
        if (in.proofLicenseId() != null) {
            Optional<ELicense> license = licenses.stream()
                    .filter(l -> l.licenseId().equals(in.proofLicenseId()))
                    .filter(l -> l.type() == ELicense.Type.PROPERTY_CERTIFICATE
                            || l.type() == ELicense.Type.RENTAL_FILING_NOTICE)
                    .findFirst();
            if (license.isEmpty()) {
                refusals.add(UserError.at(Code.NOT_FOUND, "未找到该房屋证明电子证照 / No property certificate or rental "
                        + "filing notice with this id", "proofLicenseId"));
                return null;
            }
            boolean nonResidential = properties.stream()
                    .anyMatch(p -> in.proofLicenseId().equals(p.licenseId()) && !p.residential())
                    || contracts.stream().anyMatch(c -> in.proofLicenseId().equals(c.licenseId())
                            && !c.usage().residential());
            if (nonResidential) {
                refusals.add(nonResidential("proofLicenseId"));
            }
            return in.proofLicenseId();
        }
        Optional<String> onFile = properties.stream().filter(Property::residential).map(Property::licenseId)
                .findFirst()
                .or(() -> contracts.stream().filter(c -> c.provesResidenceOn(today)).map(RentalContract::licenseId)
                        .findFirst());
        if (onFile.isPresent()) {
            return onFile.get();
        }
        boolean anyHousing = !properties.isEmpty() || !contracts.isEmpty();
        refusals.add(anyHousing ? nonResidential(null) : UserError.of(Code.NO_RESIDENCE_PROOF,
                "须有房屋产权证明或已备案的住房租赁合同 / A property certificate or a filed rental contract is needed"));
        return null;
    }

    private static UserError nonResidential(String field) {
        String message = "商铺、办公、厂房等非居住用房不能作为居住登记住所 / Shops, offices and factories cannot be "
                + "registered as a residence";
        return field == null ? UserError.of(Code.NON_RESIDENTIAL_HOUSING, message)
                : UserError.at(Code.NON_RESIDENTIAL_HOUSING, message, field);
    }

    private Mono<Prepared> permitState(RequestMemo memo, Applicant applicant,
            Function<ResidencePermit, Optional<UserError>> rule) {
        return Mono.zip(optional(police.permit(memo, applicant.personId())), guardianNeeded(memo, applicant))
                .map(t -> {
                    List<UserError> refusals = new ArrayList<>(t.getT2());
                    if (t.getT1().isEmpty()) {
                        refusals.add(permitRequired());
                    } else {
                        rule.apply(t.getT1().get()).ifPresent(refusals::add);
                    }
                    return refusals.isEmpty() ? Prepared.ready(new LinkedHashMap<>(Map.of("permitNo",
                            t.getT1().get().permitNo(), "appliedBy", applicant.callerId())))
                            : Prepared.refused(refusals);
                });
    }

    /** The person's own photo, usable for the permit: 358 × 441 px, 350 dpi, white background. */
    private static Optional<UserError> photoRules(List<Photo> photos, String photoId) {
        Optional<Photo> photo = photos.stream().filter(p -> p.photoId().equals(photoId)).findFirst();
        if (photo.isEmpty()) {
            return Optional.of(UserError.at(Code.NOT_FOUND, "未找到该照片 / No photo with this id", "photoId"));
        }
        if (!photo.get().compliant()) {
            return Optional.of(UserError.at(Code.PHOTO_NOT_COMPLIANT, "照片须为358×441像素、350dpi、白底近期彩色正面照 "
                    + "/ The photo must be 358×441 px, 350 dpi, white background: it breaks "
                    + String.join(", ", photo.get().nonCompliance()), "photoId"));
        }
        return Optional.empty();
    }

    /** A resident under 16 does not apply for themselves: their guardian does. */
    private Mono<List<UserError>> guardianNeeded(RequestMemo memo, Applicant applicant) {
        if (!applicant.forSelf()) {
            return Mono.just(List.of());
        }
        LocalDate today = LocalDate.now(clock);
        return optional(bdc.profile(memo, applicant.personId())).map(profile -> profile
                .map(Profile::birthDate)
                .filter(born -> Guardianship.needsGuardian(born, today))
                .map(born -> List.of(UserError.of(Code.GUARDIAN_REQUIRED, "未满16周岁，须由监护人代为申请 / Under 16: "
                        + "your guardian applies on your behalf")))
                .orElse(List.of()));
    }

    private Mono<Boolean> pickupCentre(RequestMemo memo, SubmissionInputs.DeliveryInput delivery) {
        if (delivery.method() != Application.DeliveryMethod.PICKUP) {
            return Mono.just(true);
        }
        return bdc.serviceCenters(memo).map(centers -> centers.stream()
                .anyMatch(c -> c.centerId().equals(delivery.serviceCenterId()) && c.acceptsPermitPickup()));
    }

    private static boolean ownHomeType(ResidenceType type) {
        return type == ResidenceType.OWN_PROPERTY || type == ResidenceType.RENTED_HOUSING;
    }

    private static boolean relativeHomeType(ResidenceType type) {
        return type == ResidenceType.RELATIVE_PROPERTY || type == ResidenceType.RELATIVE_RENTED_HOUSING;
    }

    private static Address address(AddressInput input) {
        return new Address(input.district().strip(), input.street().strip(), input.detail().strip());
    }

    private static UserError notRegistered() {
        return UserError.of(Code.NOT_REGISTERED, "尚未办理居住登记 / There is no residence registration yet");
    }

    private static UserError permitRequired() {
        return UserError.of(Code.PERMIT_REQUIRED, "未持有居住证 / There is no residence permit");
    }

    private static <T> Mono<Optional<T>> optional(Mono<T> value) {
        return value.map(Optional::of).defaultIfEmpty(Optional.empty());
    }
}
