package cn.shanghai.residence.gateway.upstream;

import org.junit.jupiter.api.Test;
import reactor.util.context.Context;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit's names of sections, and what one operation's accumulator keeps. */
class PersonalDataAccessTests {

    @Test
    void shouldNameASectionByItsAgencyAndTheResourceWithoutTheAgencysPrefix() {
        assertThat(PersonalDataAccess.section(Upstream.POLICE, "police-permit")).isEqualTo("police.permit");
        assertThat(PersonalDataAccess.section(Upstream.HOUSING, "housing-rental-filing"))
                .isEqualTo("housing.rental-filing");
        assertThat(PersonalDataAccess.section(Upstream.BDC, "service-centers")).isEqualTo("bdc.service-centers");
        assertThat(PersonalDataAccess.section(Upstream.BDC, "police-permit")).isEqualTo("bdc.police-permit");
    }

    @Test
    void shouldKeepSectionsSubjectsAndApplicationsOnceAndSorted() {
        PersonalDataAccess access = new PersonalDataAccess();
        assertThat(access.isEmpty()).isTrue();
        Context context = access.addTo(Context.empty());
        PersonalDataAccess.record(context, Upstream.POLICE, "police-permit", DataOwner.person("ywtb-1010"));
        PersonalDataAccess.record(context, Upstream.POLICE, "police-application",
                new DataOwner("ywtb-1013", "APL-1013-0001"));
        PersonalDataAccess.record(context, Upstream.BDC, "bdc-elicenses-by-id", null);
        PersonalDataAccess.record(context, Upstream.POLICE, "police-permit", DataOwner.person("ywtb-1010"));

        assertThat(access.isEmpty()).isFalse();
        assertThat(access.sections()).containsExactly("bdc.elicenses-by-id", "police.application", "police.permit");
        assertThat(access.subjects()).containsExactly("ywtb-1010", "ywtb-1013");
        assertThat(access.applications()).containsExactly("APL-1013-0001");
    }

    @Test
    void shouldRecordNothingOutsideAnOperation() {
        PersonalDataAccess.record(Context.empty(), Upstream.POLICE, "police-permit", DataOwner.person("ywtb-1010"));
        PersonalDataAccess access = new PersonalDataAccess();
        access.addTo(Context.empty());
        assertThat(access.isEmpty()).isTrue();
    }
}
