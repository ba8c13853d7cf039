package cn.shanghai.residence.gateway.submission;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import cn.shanghai.residence.gateway.police.Application;

/**
 * What every application mutation's input is to the {@link ApplicationDesk}, so the six mutations take one path
 * and each input states only what differs: its kind, the checks of its own fields, the facts its rules need, and
 * which of the service's rules and police forms apply to it.
 */
interface ApplicationInput {

    /** The client's key: the same key with the same input gets the first outcome (never part of the fingerprint). */
    String idempotencyKey();

    /** A minor in the caller's guardianship to apply for; null for the caller themselves. */
    @Nullable String forPersonId();

    Application.Kind kind();

    /** The checks of this input's own fields, beyond the ones every input gets. */
    InputValidation validate(InputValidation validation);

    /** The agency facts this kind's rules and form need, so nothing else is read. */
    Set<SubmissionFacts.Need> needs();

    /** The uploaded documents (police attachments) the input offers, whose owners the rules check. */
    default List<String> attachmentIds() {
        return List.of();
    }

    /** The service's rules for this kind ({@link SubmissionRules}); empty when it may be submitted. */
    List<UserError> refusals(SubmissionFacts facts, Applicant applicant);

    /** What police receives once the rules pass ({@link PoliceForms}). */
    PoliceForm form(SubmissionFacts facts, Applicant applicant);
}
