package cn.shanghai.residence.gateway.upload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.ContextView;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import cn.shanghai.residence.gateway.bdc.BdcService;
import cn.shanghai.residence.gateway.bdc.Photo;
import cn.shanghai.residence.gateway.i18n.Messages;
import cn.shanghai.residence.gateway.i18n.Text;
import cn.shanghai.residence.gateway.observability.LogCorrelation;
import cn.shanghai.residence.gateway.police.PoliceService;
import cn.shanghai.residence.gateway.reference.Guardianship;
import cn.shanghai.residence.gateway.reference.Ids;
import cn.shanghai.residence.gateway.security.CurrentPerson;
import cn.shanghai.residence.gateway.submission.Applicants;
import cn.shanghai.residence.gateway.upload.UploadRefusal.Reason;
import cn.shanghai.residence.gateway.upstream.RequestMemo;
import cn.shanghai.residence.gateway.upstream.Upstream;
import cn.shanghai.residence.gateway.upstream.UpstreamFailures;
import cn.shanghai.residence.gateway.web.ErrorCode;
import cn.shanghai.residence.gateway.web.GatewayException;
import cn.shanghai.residence.gateway.web.RequestRefusals;

/**
 * The one path of both uploads: the caller signed in, {@code forPersonId} well-formed, the body read within its
 * limit, its bytes checked and stripped of metadata (all before any agency is called), then the guardian check (the
 * mutations' own), then one write to the agency, never repeated. Every failure is a typed JSON answer.
 */
@Component
class UploadDesk {

    private static final Logger log = LoggerFactory.getLogger(UploadDesk.class);

    private final UploadProperties properties;
    private final Applicants applicants;
    private final BdcService bdc;
    private final PoliceService police;
    private final UploadSlots slots;
    private final Messages messages;

    UploadDesk(UploadProperties properties, Applicants applicants, BdcService bdc, PoliceService police,
            Messages messages) {
        this.properties = properties;
        this.messages = messages;
        this.slots = new UploadSlots(properties.maxConcurrent());
        this.applicants = applicants;
        this.bdc = bdc;
        this.police = police;
    }

    /** {@code POST /uploads/photos}: a permit photo to bdc; answers the photo record as the schema's Photo. */
    Mono<ServerResponse> photo(ServerRequest request) {
        return upload(request, new Kind(properties.photoMaxSize(), PermitPhotoRules::check, Upstream.BDC,
                (personId, photo) -> bdc.uploadPhoto(personId, photo.bytes()).map(UploadDesk::asSchemaPhoto),
                UploadDesk::bdcRefusal));
    }

    /** {@code POST /uploads/materials}: a document to police; answers the attachment record. */
    Mono<ServerResponse> material(ServerRequest request) {
        return upload(request, new Kind(properties.materialMaxSize(), MaterialRules::check, Upstream.POLICE,
                (personId, document) -> police.storeAttachment(personId, document.contentType(), document.bytes()),
                UploadDesk::policeRefusal));
    }

    /**
     * What differs between the uploads: the size limit, the rules, the agency, its write (for a person id) and
     * which of its error answers are refusals of the file.
     */
    private record Kind(DataSize limit, Function<byte[], CheckedUpload> rules, Upstream upstream,
            BiFunction<String, CheckedUpload, Mono<?>> store,
            Function<WebClientResponseException, Optional<UploadRefusal>> refusal) {
    }

    private Mono<ServerResponse> upload(ServerRequest request, Kind kind) {
        return CurrentPerson.id().flatMap(caller -> Mono.usingWhen(Mono.fromSupplier(slots::tryTake),
                        taken -> taken ? read(request, caller, kind) : Mono.error(UploadDesk::busy),
                        taken -> Mono.fromRunnable(() -> {
                            if (taken) {
                                slots.release();
                            }
                        })))
                .onErrorResume(error -> Mono.deferContextual(context -> answer(request, error, context)));
    }

    /** The signed-in caller's upload in a slot: read within its limit, checked, then stored. */
    private Mono<ServerResponse> read(ServerRequest request, String caller, Kind kind) {
        String forPersonId = request.queryParam("forPersonId").orElse(null);
        Mono<?> stored = forPersonId != null && !Ids.safe(forPersonId) ? Mono.error(noDependent())
                : UploadBody.read(request.bodyToFlux(DataBuffer.class), request.headers().contentLength().orElse(-1),
                                kind.limit())
                        .publishOn(Schedulers.boundedElastic())
                        .map(kind.rules())
                        .flatMap(checked -> checked.accepted() ? stored(caller, forPersonId, checked, kind)
                                : Mono.error(new RefusedUpload(checked.refusals())));
        return stored
                .flatMap(answer -> ServerResponse.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(answer))
                .onErrorResume(error -> Mono.deferContextual(context -> answer(request, error, context)))
                .contextWrite(context -> new RequestMemo().addTo(context));
    }

    /**
     * The guardian check, then the one write. The agency's refusal of the file becomes a {@link RefusedUpload}; any
     * other failure is classified like every upstream failure (after a timeout nobody knows whether it was stored).
     */
    private Mono<?> stored(String caller, @Nullable String forPersonId, CheckedUpload checked, Kind kind) {
        return applicants.resolve(caller, forPersonId)
                .switchIfEmpty(Mono.error(UploadDesk::noDependent))
                .onErrorMap(Applicants.InPersonOnly.class,
                        inPerson -> new GatewayException(ErrorCode.FORBIDDEN, Guardianship.IN_PERSON))
                .flatMap(applicant -> kind.store().apply(applicant.personId(), checked)
                        .onErrorMap(error -> !(error instanceof GatewayException), error -> refusedFile(error, kind)
                                .<RuntimeException>map(refusal -> new RefusedUpload(List.of(refusal)))
                                .orElseGet(() -> UpstreamFailures.classify(kind.upstream(), error))));
    }

    private static Optional<UploadRefusal> refusedFile(Throwable error, Kind kind) {
        return error instanceof WebClientResponseException response ? kind.refusal().apply(response) : Optional.empty();
    }

    private Mono<ServerResponse> answer(ServerRequest request, Throwable error, ContextView context) {
        if (error instanceof RefusedUpload refused) {
            return RequestRefusals.response(request, refused.status(), refused.errors(), messages, headers -> { });
        }
        GatewayException failure = error instanceof GatewayException known ? known : internal(error, context);
        return RequestRefusals.response(request, status(failure), List.of(failure), messages, headers -> {
            if (failure.code() == ErrorCode.UNAUTHENTICATED) {
                headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            }
            if (failure.code() == ErrorCode.OVERLOADED) {
                headers.set(HttpHeaders.RETRY_AFTER, "1");
            }
        });
    }

    /** The gateway's own bug: logged by type only, answered without any detail. */
    private static GatewayException internal(Throwable error, ContextView context) {
        LogCorrelation.within(context, () -> log.error("Unexpected {} during an upload", error.getClass().getName()));
        return new GatewayException(ErrorCode.INTERNAL_ERROR, Text.of("error.INTERNAL_ERROR"));
    }

    private static HttpStatus status(GatewayException failure) {
        return switch (failure.code()) {
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case BAD_USER_INPUT, BAD_REQUEST, QUERY_TOO_COMPLEX, PERSISTED_DOCUMENT_NOT_FOUND,
                    PERSISTED_DOCUMENT_REQUIRED -> HttpStatus.BAD_REQUEST;
            case UPSTREAM_TIMEOUT -> HttpStatus.GATEWAY_TIMEOUT;
            case UPSTREAM_ERROR -> HttpStatus.BAD_GATEWAY;
            case UPSTREAM_UNAVAILABLE, RATE_LIMITED, OVERLOADED, STORE_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case INTERNAL_ERROR -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    /** bdc's 422 PHOTO_NOT_COMPLIANT: its own checks (the face) found what the gateway's cannot. */
    private static Optional<UploadRefusal> bdcRefusal(WebClientResponseException refused) {
        return refused.getStatusCode().value() == 422 ? Optional.of(new UploadRefusal(Reason.PHOTO_NOT_COMPLIANT,
                Text.of("upload.PHOTO_NOT_COMPLIANT"))) : Optional.empty();
    }

    /** Police's 413, 415 and 422: the document is too large, of a type it does not take, or unreadable. */
    private static Optional<UploadRefusal> policeRefusal(WebClientResponseException refused) {
        return switch (refused.getStatusCode().value()) {
            case 413 -> Optional.of(new UploadRefusal(Reason.SIZE, Text.of("upload.SIZE.police")));
            case 415, 422 -> Optional.of(new UploadRefusal(Reason.FORMAT, Text.of("upload.FORMAT.police")));
            default -> Optional.empty();
        };
    }

    /** Every upload slot is taken: come back in a second, as the admission filter says for queries. */
    private static GatewayException busy() {
        return new GatewayException(ErrorCode.OVERLOADED, Text.of("error.OVERLOADED.uploads"));
    }

    private static GatewayException noDependent() {
        return new GatewayException(ErrorCode.NOT_FOUND, Text.of("userError.NOT_FOUND.forPersonId"));
    }

    /** The record as the GraphQL {@code Photo} type shows it: id, compliant and problems included. */
    private static Map<String, Object> asSchemaPhoto(Photo photo) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", photo.photoId());
        answer.put("source", photo.source());
        answer.put("takenOn", photo.takenOn());
        answer.put("widthPx", photo.widthPx());
        answer.put("heightPx", photo.heightPx());
        answer.put("dpi", photo.dpi());
        answer.put("background", photo.background());
        answer.put("status", photo.status());
        answer.put("compliant", photo.compliant());
        answer.put("problems", photo.nonCompliance());
        return answer;
    }
}
