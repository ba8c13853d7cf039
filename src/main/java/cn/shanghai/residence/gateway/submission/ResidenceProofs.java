package cn.shanghai.residence.gateway.submission;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import cn.shanghai.residence.gateway.bdc.ELicense;
import cn.shanghai.residence.gateway.housing.Home;
import cn.shanghai.residence.gateway.housing.RentalContract;
import cn.shanghai.residence.gateway.police.ResidenceRegistration.ResidenceType;
import cn.shanghai.residence.gateway.reference.Address;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.MaterialInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.MaterialKind;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.ResidenceDeclaration;
import cn.shanghai.residence.gateway.i18n.Text;
import cn.shanghai.residence.gateway.submission.UserError.Code;

/**
 * Whether a declared home is a lawful, stable, residential residence with proof of title (DESIGN.md §2; seed:
 * "必须有合法产权证明材料", "必须为居住用途的住房"), for every one of the five kinds of home: a VALID e-licence of the
 * applicant whose property or filed contract is at the declared address and proves residence today, or, where no
 * such e-licence exists (a relative's title, a dormitory, a home not on the platform), an uploaded document of the
 * kind that proves it. Pure: the same facts and declaration always give the same answer.
 */
final class ResidenceProofs {

    private ResidenceProofs() {
    }

    /** The proof found (an e-licence id, or the uploaded documents) or why there is none. */
    record ProofCheck(Optional<String> licenseId, List<UserError> refusals) {

        static ProofCheck proven(String licenseId) {
            return new ProofCheck(Optional.of(licenseId), List.of());
        }

        static ProofCheck byMaterials() {
            return new ProofCheck(Optional.empty(), List.of());
        }

        static ProofCheck refused(UserError refusal) {
            return new ProofCheck(Optional.empty(), List.of(refusal));
        }

        static ProofCheck refused(List<UserError> refusals) {
            return new ProofCheck(Optional.empty(), List.copyOf(refusals));
        }
    }

    /**
     * Checks the declaration's proof; {@code at} is where the declaration sits in the input (empty at the top,
     * {@code "cardAddress"} in a permit application).
     */
    static ProofCheck check(SubmissionFacts facts, Applicant applicant, ResidenceDeclaration in, String... at) {
        List<UserError> wrongMaterials = materials(facts, applicant, in, at);
        if (!wrongMaterials.isEmpty()) {
            return ProofCheck.refused(wrongMaterials);
        }
        if (in.proofLicenseId() != null) {
            return offered(facts, in.proofLicenseId(), in.address().toAddress(), at);
        }
        LocalDate today = facts.today();
        List<Home> here = facts.person().housing().homesAt(in.address().toAddress());
        Optional<String> proof = here.stream().filter(home -> home.provesResidenceOn(today))
                .map(Home::licenseId).filter(id -> id != null && validLicence(facts, id)).findFirst();
        if (proof.isPresent()) {
            return ProofCheck.proven(proof.get());
        }
        if (here.stream().anyMatch(Home::nonResidential)) {
            return ProofCheck.refused(nonResidential(path(at)));
        }
        if (!in.offeredMaterials().isEmpty()) {
            return ProofCheck.byMaterials();
        }
        if (!here.isEmpty()) {
            return ProofCheck.refused(unproven(here.get(0), path(at)));
        }
        return ProofCheck.refused(missing(in.residenceType(), at));
    }

    /** Each uploaded document must be the applicant's own and of the kind that proves the declared home. */
    private static List<UserError> materials(SubmissionFacts facts, Applicant applicant, ResidenceDeclaration in,
            String... at) {
        List<UserError> refusals = new ArrayList<>();
        List<MaterialInput> materials = in.offeredMaterials();
        MaterialKind needed = MaterialKind.proving(in.residenceType());
        for (int i = 0; i < materials.size(); i++) {
            MaterialInput material = materials.get(i);
            if (!applicant.personId().equals(facts.attachments().get(material.attachmentId()))) {
                refusals.add(UserError.at(Code.NOT_FOUND, Text.of("userError.NOT_FOUND.attachmentId"),
                        path(at, "materials", String.valueOf(i), "attachmentId")));
            } else if (material.kind() != needed) {
                refusals.add(UserError.at(Code.INVALID_INPUT, Text.of("userError.INVALID_INPUT.materialNeeded", needed),
                        path(at, "materials", String.valueOf(i), "kind")));
            }
        }
        return refusals;
    }

    /** The e-licence the applicant chose: theirs, VALID, of a residential home at the declared address in force. */
    private static ProofCheck offered(SubmissionFacts facts, String licenseId, Address declared, String... at) {
        String[] field = path(at, "proofLicenseId");
        Optional<ELicense> licence = facts.eLicenses().stream().filter(l -> l.licenseId().equals(licenseId)
                && (l.type() == ELicense.Type.PROPERTY_CERTIFICATE || l.type() == ELicense.Type.RENTAL_FILING_NOTICE))
                .findFirst();
        if (licence.isEmpty()) {
            return ProofCheck.refused(UserError.at(Code.NOT_FOUND, Text.of("userError.NOT_FOUND.proof"), field));
        }
        if (licence.get().status() != ELicense.Status.VALID) {
            return ProofCheck.refused(UserError.at(Code.PROOF_NOT_VALID,
                    Text.of("userError.PROOF_NOT_VALID", licence.get().status()), field));
        }
        Optional<Home> home = facts.person().housing().home(licenseId);
        if (home.isPresent() && home.get().nonResidential()) {
            return ProofCheck.refused(nonResidential(field));
        }
        if (home.isEmpty() || !home.get().provesResidenceOn(facts.today())) {
            return ProofCheck.refused(home.map(h -> unproven(h, field)).orElseGet(() -> error(Code.NO_RESIDENCE_PROOF,
                    Text.of("userError.NO_RESIDENCE_PROOF.noHome"), field)));
        }
        if (!home.get().address().sameHomeAs(declared)) {
            return ProofCheck.refused(addressMismatch(field));
        }
        return ProofCheck.proven(licenseId);
    }

    /**
     * Nothing on file at the declared address and nothing uploaded: what this kind of home must bring (a home of
     * the applicant's elsewhere is no mismatch: they offered no proof, they may be moving).
     */
    private static UserError missing(ResidenceType type, String... at) {
        String[] materials = path(at, "materials");
        if (type.relativesHome()) {
            return UserError.at(Code.RELATIVE_HOME_PROOF_REQUIRED,
                    Text.of("userError.RELATIVE_HOME_PROOF_REQUIRED"), materials);
        }
        if (type.dormitory()) {
            return UserError.at(Code.DORMITORY_CERTIFICATE_REQUIRED,
                    Text.of("userError.DORMITORY_CERTIFICATE_REQUIRED"), materials);
        }
        return UserError.at(Code.NO_RESIDENCE_PROOF, Text.of("userError.NO_RESIDENCE_PROOF"), materials);
    }

    private static boolean validLicence(SubmissionFacts facts, String licenseId) {
        return facts.eLicenses().stream().anyMatch(l -> l.licenseId().equals(licenseId)
                && l.status() == ELicense.Status.VALID);
    }

    private static UserError nonResidential(String... field) {
        return error(Code.NON_RESIDENTIAL_HOUSING, Text.of("userError.NON_RESIDENTIAL_HOUSING"), field);
    }

    /**
     * A home on file at the address that proves nothing today: a contract not filed, ended or terminated is filed
     * online; a title not on the platform (or its licence not VALID) is uploaded.
     */
    private static UserError unproven(Home home, String... field) {
        return home instanceof RentalContract
                ? error(Code.NO_RESIDENCE_PROOF, Text.of("userError.NO_RESIDENCE_PROOF.contract"), field)
                : error(Code.NO_RESIDENCE_PROOF, Text.of("userError.NO_RESIDENCE_PROOF.title"), field);
    }

    private static UserError addressMismatch(String... field) {
        return error(Code.PROOF_ADDRESS_MISMATCH, Text.of("userError.PROOF_ADDRESS_MISMATCH"), field);
    }

    /** An error about a field, or about the whole declaration when it sits at the top of the input. */
    private static UserError error(Code code, Text message, String... field) {
        return field.length == 0 ? UserError.of(code, message) : UserError.at(code, message, field);
    }

    private static String[] path(String[] at, String... rest) {
        String[] path = Arrays.copyOf(at, at.length + rest.length);
        System.arraycopy(rest, 0, path, at.length, rest.length);
        return path;
    }
}
