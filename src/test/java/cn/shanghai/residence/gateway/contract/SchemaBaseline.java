package cn.shanghai.residence.gateway.contract;

import java.util.List;

import graphql.schema.diff.DiffEvent;
import graphql.schema.diff.SchemaDiff;
import graphql.schema.diff.SchemaDiffSet;
import graphql.schema.diff.reporting.CapturingReporter;

/**
 * The rule that keeps released apps working: the served schema may add to the released one (types, fields,
 * optional arguments, enum values, deprecations) but not break it (a removed type, field or enum value, a changed
 * type, a new required argument). graphql-java's schema diff decides; this names each breaking change.
 */
final class SchemaBaseline {

    private SchemaBaseline() {
    }

    /** Each change from the released schema to the served one that breaks a client, named (type.field: reason). */
    static List<String> breakingChanges(String releasedSdl, String servedSdl) {
        CapturingReporter reporter = new CapturingReporter();
        new SchemaDiff().diffSchema(SchemaDiffSet.diffSetFromSdl(releasedSdl, servedSdl), reporter);
        return reporter.getBreakages().stream().map(SchemaBaseline::describe).toList();
    }

    private static String describe(DiffEvent event) {
        String where = event.getTypeName() + (event.getFieldName() == null ? "" : "." + event.getFieldName());
        return where + ": " + event.getCategory() + " — " + event.getReasonMsg();
    }
}
