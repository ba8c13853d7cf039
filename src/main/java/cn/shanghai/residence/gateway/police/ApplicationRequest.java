package cn.shanghai.residence.gateway.police;

import java.util.Map;

/** The body of police's {@code POST /applications}: what is applied for, for whom, and the kind's form data. */
public record ApplicationRequest(Application.Kind kind, String personId, Map<String, Object> payload) {

    @Override
    public String toString() {
        return "ApplicationRequest[kind=" + kind + ", personId=" + personId + ", payload withheld]";
    }
}
