package cn.shanghai.residence.gateway.bdc;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;

/** HTTP interface of the big-data centre (一网通办 platform), {@code /bdc/v1}. */
public interface BdcClient {

    @GetExchange("/persons/{personId}/profile")
    Mono<Profile> profile(@PathVariable String personId);

    @GetExchange("/persons/{personId}/elicenses")
    Mono<List<ELicense>> eLicenses(@PathVariable String personId);

    /** At most {@value BdcService#LICENSE_BATCH_SIZE} ids per call. */
    @PostExchange("/elicenses:batchGet")
    Mono<List<ELicense>> batchGetELicenses(@RequestBody Map<String, List<String>> licenseIds);

    @GetExchange("/persons/{personId}/photos")
    Mono<List<Photo>> photos(@PathVariable String personId);

    /** Stores a new portrait; bdc answers its record, or 422 PHOTO_NOT_COMPLIANT. */
    @PostExchange(url = "/persons/{personId}/photos", contentType = MediaType.IMAGE_JPEG_VALUE)
    Mono<Photo> uploadPhoto(@PathVariable String personId, @RequestBody byte[] jpeg);

    @GetExchange("/service-centers")
    Mono<List<BdcServiceCenter>> serviceCenters();
}
