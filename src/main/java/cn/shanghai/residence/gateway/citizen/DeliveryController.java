package cn.shanghai.residence.gateway.citizen;

import java.util.concurrent.CompletableFuture;

import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import cn.shanghai.residence.gateway.bdc.BdcService;
import cn.shanghai.residence.gateway.bdc.BdcServiceCenter;
import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.postal.Shipment;

/**
 * How a card reaches the person, composed from police (the delivery), bdc (the pick-up centre) and EMS (the
 * tracking). Each parcel is looked up by its own tracking number through a DataLoader, so all the parcels a query
 * shows cost one EMS call per 50 numbers, never one call per parcel.
 */
@Controller
class DeliveryController {

    private final BdcService bdc;

    DeliveryController(BdcService bdc) {
        this.bdc = bdc;
    }

    @SchemaMapping(typeName = "Delivery")
    String trackingNumber(Application.Delivery delivery) {
        return delivery.trackingNo();
    }

    @SchemaMapping(typeName = "Delivery")
    Mono<BdcServiceCenter> serviceCenter(Application.Delivery delivery) {
        String centerId = delivery.serviceCenterId();
        if (centerId == null) {
            return Mono.empty();
        }
        return bdc.serviceCenters().flatMap(centers -> Mono.justOrEmpty(centers.stream()
                .filter(center -> centerId.equals(center.centerId()))
                .findFirst()));
    }

    @SchemaMapping(typeName = "Delivery")
    CompletableFuture<Shipment> shipment(Application.Delivery delivery, DataLoader<String, Shipment> shipments) {
        return delivery.trackingNo() == null ? CompletableFuture.completedFuture(null)
                : shipments.load(delivery.trackingNo());
    }
}
