package cn.shanghai.residence.gateway.submission;

import java.time.Clock;
import java.time.LocalDate;

import graphql.GraphQLContext;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import cn.shanghai.residence.gateway.police.Application.Kind;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.AddressChangeInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.PermitLossInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.PhotoChoiceInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.ResidencePermitInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.ResidenceRegistrationInput;
import cn.shanghai.residence.gateway.upstream.RequestMemo;

/** The six application mutations: each validates its input, then hands it to the {@link ApplicationDesk}. */
@Controller
class SubmissionController {

    private final ApplicationDesk desk;
    private final RuleChecks rules;
    private final Clock clock;

    SubmissionController(ApplicationDesk desk, RuleChecks rules, Clock clock) {
        this.desk = desk;
        this.rules = rules;
        this.clock = clock;
    }

    @MutationMapping
    Mono<ApplicationPayload> submitResidenceRegistration(@Argument ResidenceRegistrationInput input,
            GraphQLContext context) {
        RequestMemo memo = RequestMemo.of(context);
        return desk.submit(memo, Kind.RESIDENCE_REGISTRATION, input, input.idempotencyKey(), input.forPersonId(),
                validation().common(input.idempotencyKey(), input.forPersonId()).declaration(input, "address")
                        .mobile(input.mobile(), "mobile").errors(),
                applicant -> rules.registration(memo, applicant, input));
    }

    @MutationMapping
    Mono<ApplicationPayload> applyForResidencePermit(@Argument ResidencePermitInput input, GraphQLContext context) {
        RequestMemo memo = RequestMemo.of(context);
        return desk.submit(memo, Kind.RESIDENCE_PERMIT_NEW, input, input.idempotencyKey(), input.forPersonId(),
                validation().common(input.idempotencyKey(), input.forPersonId()).photo(input.photoId())
                        .delivery(input.delivery()).errors(),
                applicant -> rules.permit(memo, applicant, input));
    }

    @MutationMapping
    Mono<ApplicationPayload> changeRegistrationAddress(@Argument AddressChangeInput input, GraphQLContext context) {
        RequestMemo memo = RequestMemo.of(context);
        return desk.submit(memo, Kind.REGISTRATION_ADDRESS_CHANGE, input, input.idempotencyKey(),
                input.forPersonId(),
                validation().common(input.idempotencyKey(), input.forPersonId()).declaration(input, "newAddress")
                        .errors(),
                applicant -> rules.addressChange(memo, applicant, input));
    }

    @MutationMapping
    Mono<ApplicationPayload> reportPermitLoss(@Argument PermitLossInput input, GraphQLContext context) {
        RequestMemo memo = RequestMemo.of(context);
        return desk.submit(memo, Kind.PERMIT_LOSS_REPORT, input, input.idempotencyKey(), input.forPersonId(),
                validation().common(input.idempotencyKey(), input.forPersonId()).errors(),
                applicant -> rules.lossReport(memo, applicant));
    }

    @MutationMapping
    Mono<ApplicationPayload> cancelPermitLoss(@Argument PermitLossInput input, GraphQLContext context) {
        RequestMemo memo = RequestMemo.of(context);
        return desk.submit(memo, Kind.PERMIT_LOSS_CANCEL, input, input.idempotencyKey(), input.forPersonId(),
                validation().common(input.idempotencyKey(), input.forPersonId()).errors(),
                applicant -> rules.lossCancel(memo, applicant));
    }

    @MutationMapping
    Mono<ApplicationPayload> choosePermitPhoto(@Argument PhotoChoiceInput input, GraphQLContext context) {
        RequestMemo memo = RequestMemo.of(context);
        return desk.submit(memo, Kind.PERMIT_PHOTO_CHANGE, input, input.idempotencyKey(), input.forPersonId(),
                validation().common(input.idempotencyKey(), input.forPersonId()).photo(input.photoId()).errors(),
                applicant -> rules.photoChoice(memo, applicant, input));
    }

    private InputValidation validation() {
        return new InputValidation(LocalDate.now(clock));
    }
}
