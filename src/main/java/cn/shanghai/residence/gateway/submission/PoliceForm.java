package cn.shanghai.residence.gateway.submission;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import cn.shanghai.residence.gateway.police.Application;

/**
 * The form data police receives for an application that passed the rules, with what the payload shows back.
 *
 * @param payload           the {@code payload} of police's {@code POST /applications}
 * @param delivery          how the card reaches the applicant (permit applications only)
 * @param kinshipCommitment the letter written for a relative's home
 */
record PoliceForm(Map<String, Object> payload, Application.@Nullable Delivery delivery,
        @Nullable KinshipCommitment kinshipCommitment) {

    PoliceForm {
        payload = Collections.unmodifiableMap(new LinkedHashMap<>(payload));
    }

    static PoliceForm of(Map<String, Object> payload) {
        return new PoliceForm(payload, null, null);
    }

    /** POSTAL delivery's cash on delivery, in yuan; null otherwise. */
    @Nullable Double deliveryFee() {
        return delivery != null && delivery.method() == Application.DeliveryMethod.POSTAL
                ? PoliceForms.DELIVERY_FEE_FEN / 100.0 : null;
    }
}
