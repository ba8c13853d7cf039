package cn.shanghai.residence.gateway.bdc;

import java.util.List;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import cn.shanghai.residence.gateway.i18n.Text;
import cn.shanghai.residence.gateway.reference.ShanghaiDistrict;
import cn.shanghai.residence.gateway.web.GatewayException;

/** Public query of offline service points, filtered locally from bdc's cached list. */
@Controller
class ServiceCenterController {

    private final BdcService bdc;

    ServiceCenterController(BdcService bdc) {
        this.bdc = bdc;
    }

    @QueryMapping
    Mono<List<BdcServiceCenter>> serviceCenters(@Argument @Nullable String district,
            @Argument @Nullable Boolean acceptsPermitPickup) {
        Predicate<BdcServiceCenter> inDistrict = districtFilter(district);
        return bdc.serviceCenters().map(centers -> centers.stream()
                .filter(inDistrict)
                .filter(c -> acceptsPermitPickup == null || c.acceptsPermitPickup() == acceptsPermitPickup)
                .toList());
    }

    @SchemaMapping(typeName = "ServiceCenter")
    String id(BdcServiceCenter center) {
        return center.centerId();
    }

    private static Predicate<BdcServiceCenter> districtFilter(@Nullable String district) {
        if (district == null) {
            return center -> true;
        }
        String name = ShanghaiDistrict.byChineseName(district)
                .orElseThrow(() -> GatewayException.badUserInput(
                        Text.of("error.BAD_USER_INPUT.district", ShanghaiDistrict.ALL_NAMES)))
                .chineseName();
        return center -> name.equals(center.district());
    }
}
