package cn.shanghai.residence.gateway.submission;

import java.util.List;

import org.jspecify.annotations.Nullable;
import cn.shanghai.residence.gateway.police.Application;

/** What every application mutation answers: the application, or why not, or that the outcome is unknown. */
record ApplicationPayload(@Nullable Application application, List<UserError> userErrors, boolean outcomeUnknown,
        @Nullable Double deliveryFee, @Nullable KinshipCommitment kinshipCommitment) {

    static ApplicationPayload refused(List<UserError> errors) {
        return new ApplicationPayload(null, List.copyOf(errors), false, null, null);
    }

    static ApplicationPayload refused(UserError error) {
        return refused(List.of(error));
    }
}
