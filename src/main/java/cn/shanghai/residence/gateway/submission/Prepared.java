package cn.shanghai.residence.gateway.submission;

import java.util.List;
import java.util.Map;

import cn.shanghai.residence.gateway.police.Application;

/**
 * An application after the rule pre-checks: either refusals, or the form data for police with what the payload
 * shows back (delivery, kinship letter).
 */
record Prepared(List<UserError> refusals, Map<String, Object> form, Application.Delivery delivery,
        KinshipCommitment kinshipCommitment) {

    static Prepared refused(List<UserError> refusals) {
        return new Prepared(List.copyOf(refusals), Map.of(), null, null);
    }

    static Prepared ready(Map<String, Object> form) {
        return new Prepared(List.of(), form, null, null);
    }

    Prepared with(Application.Delivery newDelivery) {
        return new Prepared(refusals, form, newDelivery, kinshipCommitment);
    }

    Prepared with(KinshipCommitment letter) {
        return new Prepared(refusals, form, delivery, letter);
    }
}
