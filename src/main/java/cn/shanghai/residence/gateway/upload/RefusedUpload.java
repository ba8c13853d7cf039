package cn.shanghai.residence.gateway.upload;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import cn.shanghai.residence.gateway.web.ErrorCode;
import cn.shanghai.residence.gateway.web.GatewayException;

/** An upload refused at the edge or by the agency: nothing was stored. Carries every reason, each its own error. */
final class RefusedUpload extends RuntimeException {

    private final List<UploadRefusal> refusals;

    RefusedUpload(List<UploadRefusal> refusals) {
        super("upload refused: " + refusals.stream().map(r -> r.reason().name()).toList(), null, false, false);
        this.refusals = List.copyOf(refusals);
    }

    List<UploadRefusal> refusals() {
        return refusals;
    }

    /** 413 for SIZE, 415 for FORMAT (they come alone), 422 for the rules an image of the right type breaks. */
    HttpStatus status() {
        return switch (refusals.get(0).reason()) {
            case SIZE -> HttpStatus.CONTENT_TOO_LARGE;
            case FORMAT -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            default -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }

    /** One BAD_USER_INPUT error per reason, with {@code extensions.reason}. */
    List<GatewayException> errors() {
        return refusals.stream().<GatewayException>map(refusal -> new GatewayException(ErrorCode.BAD_USER_INPUT,
                refusal.message()) {
            @Override
            public Map<String, Object> extensions() {
                return Map.of("reason", refusal.reason().name());
            }
        }).toList();
    }
}
