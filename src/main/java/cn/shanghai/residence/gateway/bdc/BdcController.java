package cn.shanghai.residence.gateway.bdc;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import cn.shanghai.residence.gateway.person.Citizen;

/** The fields the big-data centre owns: profile, e-licenses and photos. */
@Controller
class BdcController {

    private final BdcService bdc;

    BdcController(BdcService bdc) {
        this.bdc = bdc;
    }

    @SchemaMapping(typeName = "Citizen")
    Mono<Profile> profile(Citizen citizen) {
        return bdc.profile(citizen.personId());
    }

    /**
     * All the person's licenses are fetched once and filtered here, so every {@code types} shares one call; lapsed
     * permits are left out ({@link ELicense#offered()}).
     */
    @SchemaMapping(typeName = "Citizen")
    Mono<List<ELicense>> eLicenses(Citizen citizen, @Argument @Nullable List<ELicense.Type> types) {
        return bdc.eLicenses(citizen.personId())
                .map(licenses -> licenses.stream()
                        .filter(ELicense::offered)
                        .filter(license -> types == null || types.contains(license.type()))
                        .toList());
    }

    @SchemaMapping(typeName = "Citizen")
    Mono<List<Photo>> photos(Citizen citizen) {
        return bdc.photos(citizen.personId());
    }

    @SchemaMapping(typeName = "ELicense", field = "id")
    String licenseId(ELicense license) {
        return license.licenseId();
    }

    @SchemaMapping(typeName = "ELicense")
    String number(ELicense license) {
        return license.displayNumber();
    }

    @SchemaMapping(typeName = "Photo", field = "id")
    String photoId(Photo photo) {
        return photo.photoId();
    }

    @SchemaMapping(typeName = "Photo")
    List<String> problems(Photo photo) {
        return photo.nonCompliance();
    }
}
