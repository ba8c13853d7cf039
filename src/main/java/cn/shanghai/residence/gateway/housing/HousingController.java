package cn.shanghai.residence.gateway.housing;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import graphql.GraphQLContext;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import cn.shanghai.residence.gateway.bdc.ELicense;
import cn.shanghai.residence.gateway.citizen.Citizen;
import cn.shanghai.residence.gateway.security.CurrentPerson;
import cn.shanghai.residence.gateway.upstream.RequestMemo;

/** The fields the housing authority owns: properties and rental contracts, with their e-licenses. */
@Controller
class HousingController {

    private final HousingService housing;

    HousingController(HousingService housing) {
        this.housing = housing;
    }

    @SchemaMapping(typeName = "Citizen")
    Mono<List<Property>> properties(Citizen citizen, GraphQLContext context) {
        return housing.properties(RequestMemo.of(context), citizen.personId());
    }

    @SchemaMapping(typeName = "Citizen")
    Mono<List<RentalContract>> rentalContracts(Citizen citizen, GraphQLContext context) {
        return housing.rentalContracts(RequestMemo.of(context), citizen.personId());
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
