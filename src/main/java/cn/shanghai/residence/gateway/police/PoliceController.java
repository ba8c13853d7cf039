package cn.shanghai.residence.gateway.police;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import cn.shanghai.residence.gateway.bdc.ELicense;
import cn.shanghai.residence.gateway.person.Citizen;
import cn.shanghai.residence.gateway.reference.Ids;
import cn.shanghai.residence.gateway.security.CurrentPerson;
import cn.shanghai.residence.gateway.i18n.Text;
import cn.shanghai.residence.gateway.web.ErrorCode;
import cn.shanghai.residence.gateway.web.GatewayException;

/** The fields police owns: registration, permit, applications, and one application by id. */
@Controller
class PoliceController {

    private final PoliceService police;

    PoliceController(PoliceService police) {
        this.police = police;
    }

    @SchemaMapping(typeName = "Citizen")
    Mono<ResidenceRegistration> residenceRegistration(Citizen citizen) {
        return police.registration(citizen.personId());
    }

    @SchemaMapping(typeName = "Citizen")
    Mono<ResidencePermit> residencePermit(Citizen citizen) {
        return police.permit(citizen.personId());
    }

    /** Newest first; OPEN is filtered here so that one upstream call serves every scope. */
    @SchemaMapping(typeName = "Citizen")
    Mono<List<Application>> applications(Citizen citizen, @Argument ApplicationScope scope) {
        return police.applications(citizen.personId())
                .map(applications -> applications.stream()
                        .filter(a -> scope != ApplicationScope.OPEN || a.open())
                        .sorted(Comparator.comparing(Application::submittedAt).reversed())
                        .toList());
    }

    /**
     * The caller's own application or a dependent's. Anyone else's answers exactly like an unknown id, so the
     * answer never tells whether an id exists.
     */
    @QueryMapping
    Mono<Application> application(@Argument String id) {
        if (!Ids.safe(id)) {
            return Mono.error(GatewayException.badUserInput(Text.of("error.BAD_USER_INPUT.applicationId")));
        }
        return CurrentPerson.id().flatMap(me -> police.readableBy(me, id))
                .switchIfEmpty(Mono.error(() -> new GatewayException(ErrorCode.NOT_FOUND,
                        Text.of("error.NOT_FOUND.application"))));
    }

    @SchemaMapping(typeName = "Application")
    String id(Application application) {
        return application.applicationId();
    }

    @SchemaMapping(typeName = "Application")
    List<Application.Event> timeline(Application application) {
        return application.events().stream().sorted(Comparator.comparing(Application.Event::at)).toList();
    }

    @SchemaMapping(typeName = "Application")
    CompletableFuture<ELicense> issuedLicense(Application application, DataLoader<String, ELicense> licenses) {
        return application.issuedLicenseId() == null ? CompletableFuture.completedFuture(null)
                : licenses.load(application.issuedLicenseId());
    }

    @SchemaMapping(typeName = "ResidenceRegistration")
    CompletableFuture<ELicense> certificate(ResidenceRegistration registration, DataLoader<String, ELicense> licenses) {
        return registration.certificateLicenseId() == null ? CompletableFuture.completedFuture(null)
                : licenses.load(registration.certificateLicenseId());
    }
}
