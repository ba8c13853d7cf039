package cn.shanghai.residence.gateway.submission;

import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

    private static final Map<Code, String> MESSAGES = Map.of(
            Code.REGISTRATION_TOO_RECENT, "居住登记未满6个月 / The residence registration is younger than 6 months",
            Code.NOT_REGISTERED, "尚未办理居住登记 / There is no residence registration yet",
            Code.NON_RESIDENTIAL_HOUSING, "非居住用房不能作为居住登记住所 / A non-residential building cannot be a "
                    + "registered residence",
            Code.PERMIT_ALREADY_VALID, "已持有有效居住证 / A valid permit is already held",
            Code.PERMIT_ALREADY_LOST, "居住证已处于挂失状态 / The permit is already reported lost",
            Code.PERMIT_NOT_LOST, "居住证未挂失 / The permit is not reported lost",
            Code.PERMIT_REQUIRED, "未持有居住证 / There is no residence permit",
            Code.PHOTO_NOT_COMPLIANT, "照片不符合要求 / The photo does not meet the permit photo rules");

    private PoliceRefusals() {
    }

    static List<UserError> of(int status, String body) {
        JsonNode answer = parse(body);
        if (status == 409) {
            String existing = answer.path("applicationId").asString("");
            String id = existing.matches("[A-Za-z0-9._-]{1,64}") ? existing : "";
            return List.of(UserError.of(Code.DUPLICATE_APPLICATION, "已有同类申请正在办理" + (id.isEmpty() ? "" : "（" + id
                    + "）") + "，请勿重复申请 / An application of this kind is already in progress"
                    + (id.isEmpty() ? "" : " (" + id + ")")));
        }
        Code code = CODES.getOrDefault(answer.path("code").asString(""), Code.REFUSED_BY_POLICE);
        return List.of(UserError.of(code, MESSAGES.getOrDefault(code,
                "公安系统未受理该申请 / Police did not accept the application")));
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (JacksonException notJson) {
            return JSON.createObjectNode();
        }
    }
}
