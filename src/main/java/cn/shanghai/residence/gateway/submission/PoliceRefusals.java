package cn.shanghai.residence.gateway.submission;

import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.shanghai.residence.gateway.i18n.Text;
import cn.shanghai.residence.gateway.submission.UserError.Code;

/**
 * Police's 409 and 422 answers as userErrors. Only police's code is taken from the body; the message is ours, so
 * no upstream text reaches the resident.
 */
final class PoliceRefusals {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Map<String, Code> CODES = Map.of(
            "REGISTRATION_TOO_RECENT", Code.REGISTRATION_TOO_RECENT,
            "REGISTRATION_REQUIRED", Code.NOT_REGISTERED,
            "NON_RESIDENTIAL_ADDRESS", Code.NON_RESIDENTIAL_HOUSING,
            "PERMIT_ALREADY_VALID", Code.PERMIT_ALREADY_VALID,
            "PERMIT_ALREADY_LOST", Code.PERMIT_ALREADY_LOST,
            "PERMIT_NOT_LOST", Code.PERMIT_NOT_LOST,
            "PERMIT_REQUIRED", Code.PERMIT_REQUIRED,
            "PHOTO_NOT_COMPLIANT", Code.PHOTO_NOT_COMPLIANT);


    private PoliceRefusals() {
    }

    static List<UserError> of(int status, String body) {
        JsonNode answer = parse(body);
        if (status == 409) {
            String existing = answer.path("applicationId").asString("");
            String id = existing.matches("[A-Za-z0-9._-]{1,64}") ? existing : "";
            return List.of(UserError.of(Code.DUPLICATE_APPLICATION, id.isEmpty()
                    ? Text.of("userError.DUPLICATE_APPLICATION")
                    : Text.of("userError.DUPLICATE_APPLICATION.id", id)));
        }
        Code code = CODES.getOrDefault(answer.path("code").asString(""), Code.REFUSED_BY_POLICE);
        return List.of(UserError.of(code, Text.of(code == Code.REFUSED_BY_POLICE ? "userError.REFUSED_BY_POLICE"
                : "userError." + code.name() + ".police")));
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (JacksonException notJson) {
            return JSON.createObjectNode();
        }
    }
}
