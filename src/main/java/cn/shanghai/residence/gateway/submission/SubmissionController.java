package cn.shanghai.residence.gateway.submission;

import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import cn.shanghai.residence.gateway.submission.SubmissionInputs.AddressChangeInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.LossCancelInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.LossReportInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.PhotoChoiceInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.ResidencePermitInput;
import cn.shanghai.residence.gateway.submission.SubmissionInputs.ResidenceRegistrationInput;

/** The six application mutations: each binds its input, whose type says what differs, and hands it to the desk. */
@Controller
class SubmissionController {

    private final ApplicationDesk desk;

    SubmissionController(ApplicationDesk desk) {
        this.desk = desk;
    }

    @MutationMapping
    Mono<ApplicationPayload> submitResidenceRegistration(@Argument ResidenceRegistrationInput input) {
        return desk.submit(input);
    }

    @MutationMapping
    Mono<ApplicationPayload> applyForResidencePermit(@Argument ResidencePermitInput input) {
        return desk.submit(input);
    }

    @MutationMapping
    Mono<ApplicationPayload> changeRegistrationAddress(@Argument AddressChangeInput input) {
        return desk.submit(input);
    }

    @MutationMapping
    Mono<ApplicationPayload> reportPermitLoss(@Argument LossReportInput input) {
        return desk.submit(input);
    }

    @MutationMapping
    Mono<ApplicationPayload> cancelPermitLoss(@Argument LossCancelInput input) {
        return desk.submit(input);
    }

    @MutationMapping
    Mono<ApplicationPayload> choosePermitPhoto(@Argument PhotoChoiceInput input) {
        return desk.submit(input);
    }
}
