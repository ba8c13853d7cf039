package cn.shanghai.residence.gateway.submission;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import cn.shanghai.residence.gateway.bdc.BdcServiceCenter;
import cn.shanghai.residence.gateway.bdc.ELicense;
import cn.shanghai.residence.gateway.citizen.CitizenFacts;

/**
 * What the agencies know that an application's rules need, gathered once before the rules run, so that
 * {@link SubmissionRules} and {@link PoliceForms} are pure functions of it. The facts a submission shares with
 * the journey are a {@link CitizenFacts}; only what the kind {@link Need}s is read, the rest is empty.
 *
 * @param person         the applicant's registration, permit, photos, housing and birth date
 * @param now            when the rules are applied (Shanghai time); {@code person.today()} is its date
 * @param eLicenses      the applicant's e-licences (the proofs a declaration may name)
 * @param name           the applicant's name, for the kinship letter; null when not read or unknown
 * @param mobile         the applicant's mobile number on file, for a postal delivery's recipient; null when unknown
 * @param serviceCenters the service centres, for a pick-up
 * @param attachments    owner (person id) of each uploaded document the input offers that police knows
 */
record SubmissionFacts(CitizenFacts person, OffsetDateTime now, List<ELicense> eLicenses, @Nullable String name,
        @Nullable String mobile, List<BdcServiceCenter> serviceCenters, Map<String, String> attachments) {

    /** The groups of facts a kind may need. */
    enum Need { REGISTRATION, PERMIT, PHOTOS, HOUSING, PROFILE, SERVICE_CENTERS, ATTACHMENTS }

    SubmissionFacts {
        eLicenses = List.copyOf(eLicenses);
        serviceCenters = List.copyOf(serviceCenters);
        attachments = Map.copyOf(attachments);
    }

    LocalDate today() {
        return person.today();
    }
}
