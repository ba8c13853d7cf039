package cn.shanghai.residence.gateway.upstream;

import java.util.Locale;

/** The four government back-ends the gateway federates; the id names their configuration and stub folder. */
public enum Upstream {
    POLICE, HOUSING, BDC, POSTAL;

    /** Lower-case name used in configuration keys, stub folders, metrics and error extensions. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Path every URL of this upstream starts with, e.g. {@code /police/v1}. */
    public String basePath() {
        return "/" + id() + "/v1";
    }
}
