package cn.shanghai.residence.gateway.housing;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import cn.shanghai.residence.gateway.bdc.ELicense;
import cn.shanghai.residence.gateway.person.Citizen;
import cn.shanghai.residence.gateway.security.CurrentPerson;

/** The fields the housing authority owns: properties and rental contracts, with their e-licenses. */
@Controller
class HousingController {

    private final HousingService housing;

    HousingController(HousingService housing) {
        this.housing = housing;
    }

    @SchemaMapping(typeName = "Citizen")
    Mono<List<Property>> properties(Citizen citizen) {
        return housing.properties(citizen.personId());
    }

    @SchemaMapping(typeName = "Citizen")
    Mono<List<RentalContract>> rentalContracts(Citizen citizen) {
        return housing.rentalContracts(citizen.personId());
    }

    @MutationMapping
    Mono<RentalFilingHandoff> startRentalContractFiling() {
        return CurrentPerson.id().flatMap(housing::startFiling);
    }

    @SchemaMapping(typeName = "Property")
    CompletableFuture<ELicense> license(Property property, DataLoader<String, ELicense> licenses) {
        return property.licenseId() == null ? CompletableFuture.completedFuture(null)
                : licenses.load(property.licenseId());
    }

    @SchemaMapping(typeName = "RentalContract", field = "license")
    CompletableFuture<ELicense> filingNotice(RentalContract contract, DataLoader<String, ELicense> licenses) {
        return contract.licenseId() == null ? CompletableFuture.completedFuture(null)
                : licenses.load(contract.licenseId());
    }
}
