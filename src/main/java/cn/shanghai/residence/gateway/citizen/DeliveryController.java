package cn.shanghai.residence.gateway.citizen;

import java.util.Set;

import graphql.GraphQLContext;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import cn.shanghai.residence.gateway.bdc.BdcService;
import cn.shanghai.residence.gateway.bdc.BdcServiceCenter;
import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.police.PoliceService;
import cn.shanghai.residence.gateway.postal.PostalService;
import cn.shanghai.residence.gateway.postal.Shipment;
import cn.shanghai.residence.gateway.upstream.RequestMemo;

/**
 * How a card reaches the person, composed from police (the delivery), bdc (the pick-up centre) and EMS (the
 * tracking). Tracking of all the person's parcels is one bulk look-up per request, never one call per parcel.
 */
@Controller
class DeliveryController {

    private final PoliceService police;
    private final BdcService bdc;
    private final PostalService postal;

    DeliveryController(PoliceService police, BdcService bdc, PostalService postal) {
        this.police = police;
        this.bdc = bdc;
        this.postal = postal;
    }

    @SchemaMapping(typeName = "Application")
    ApplicationDelivery delivery(Application application) {
        return application.delivery() == null ? null
                : new ApplicationDelivery(application.personId(), application.delivery());
    }

    @SchemaMapping(typeName = "Delivery")
    Mono<BdcServiceCenter> serviceCenter(ApplicationDelivery delivery, GraphQLContext context) {
        String centerId = delivery.delivery().serviceCenterId();
        if (centerId == null) {
            return Mono.empty();
        }
        return bdc.serviceCenters(RequestMemo.of(context)).flatMap(centers -> Mono.justOrEmpty(centers.stream()
                .filter(center -> centerId.equals(center.centerId()))
                .findFirst()));
    }

    @SchemaMapping(typeName = "Delivery")
    Mono<Shipment> shipment(ApplicationDelivery delivery, GraphQLContext context) {
        String trackingNo = delivery.trackingNumber();
        if (trackingNo == null) {
            return Mono.empty();
        }
        RequestMemo memo = RequestMemo.of(context);
        return police.applications(memo, delivery.personId())
                .flatMap(applications -> {
                    Set<String> trackingNumbers = CitizenFactsGatherer.trackingNumbers(applications);
                    trackingNumbers.add(trackingNo);
                    return postal.shipments(memo, trackingNumbers);
                })
                .flatMap(shipments -> Mono.justOrEmpty(shipments.get(trackingNo)));
    }
}
