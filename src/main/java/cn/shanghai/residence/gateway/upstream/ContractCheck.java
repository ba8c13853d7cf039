package cn.shanghai.residence.gateway.upstream;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Checks decoded upstream bodies against the constraints on the records (required fields, sizes), so a body that
 * parses but breaks the contract is an UPSTREAM_ERROR at the gateway's edge, not a null deep in a composition.
 * Only property paths are reported, never values.
 */
final class ContractCheck {

    private final Validator validator;

    ContractCheck(Validator validator) {
        this.validator = validator;
    }

    <T> T check(T body) {
        if (body instanceof Collection<?> items) {
            items.forEach(this::checkOne);
        } else if (body instanceof Map<?, ?> values) {
            values.values().forEach(this::checkOne);
        } else {
            checkOne(body);
        }
        return body;
    }

    private void checkOne(Object value) {
        if (value == null) {
            throw new UpstreamContractException("null item");
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new UpstreamContractException(value.getClass().getSimpleName() + " breaks the contract at "
                    + violations.stream().map(v -> v.getPropertyPath().toString()).sorted()
                            .collect(Collectors.joining(", ")));
        }
    }
}
