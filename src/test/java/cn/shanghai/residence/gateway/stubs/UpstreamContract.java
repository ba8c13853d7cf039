package cn.shanghai.residence.gateway.stubs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import cn.shanghai.residence.gateway.upstream.Upstream;

/**
 * One upstream's machine-readable contract ({@code stubs/<upstream>/openapi.yaml}), able to check a response body
 * against the schema its operation declares. Shared by the stub contract test and, later, client tests.
 */
public final class UpstreamContract {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private final Upstream upstream;
    private final JsonNode document;

    private UpstreamContract(Upstream upstream, JsonNode document) {
        this.upstream = upstream;
        this.document = document;
    }

    public static UpstreamContract load(Path stubsRoot, Upstream upstream) {
        Path file = stubsRoot.resolve(upstream.id()).resolve("openapi.yaml");
        try {
            return new UpstreamContract(upstream, YAMLMapper.builder().build().readTree(Files.readString(file)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    /** Every operation as {@code "METHOD /path"}, paths relative to the upstream's base path. */
    public Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (String method : path.getValue().propertyNames()) {
                if (METHODS.contains(method)) {
                    operations.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    /** Status codes the operation declares. */
    public Set<Integer> statuses(String operation) {
        Set<Integer> statuses = new TreeSet<>();
        for (String status : operationNode(operation).path("responses").propertyNames()) {
            statuses.add(Integer.parseInt(status));
        }
        return statuses;
    }

    /** Violations of the operation's response schema for this status; empty when the body conforms. */
    public List<String> violations(String operation, int status, JsonNode body) {
        return violations(operation, status, body, Set.of());
    }

    /**
     * Violations as above, except an enum violation by one of {@code tolerated}: values a stub answers on purpose
     * to show how the gateway reads codes an agency added after the contract was written.
     */
    public List<String> violations(String operation, int status, JsonNode body, Set<String> tolerated) {
        JsonNode schemaNode = operationNode(operation).path("responses").path(String.valueOf(status))
                .path("content").path("application/json").path("schema");
        if (schemaNode.isMissingNode()) {
            return List.of(operation + " declares no application/json body for HTTP " + status);
        }
        if (!schemaNode.isObject()) {
            return List.of(operation + " has a schema that is not an object");
        }
        ObjectNode wrapper = (ObjectNode) schemaNode.deepCopy();
        wrapper.put("$schema", SpecificationVersion.DRAFT_2020_12.getDialectId());
        wrapper.set("components", document.path("components"));
        Schema schema = REGISTRY.getSchema(wrapper);
        List<String> violations = new ArrayList<>();
        for (Error error : schema.validate(body)) {
            boolean toleratedValue = "enum".equals(error.getKeyword()) && error.getInstanceNode() != null
                    && error.getInstanceNode().isString() && tolerated.contains(error.getInstanceNode().asString());
            if (!toleratedValue) {
                violations.add(error.toString());
            }
        }
        return violations;
    }

    private JsonNode operationNode(String operation) {
        String[] parts = operation.split(" ", 2);
        JsonNode node = document.path("paths").path(parts[1]).path(parts[0].toLowerCase());
        if (node.isMissingNode()) {
            throw new IllegalArgumentException(upstream.id() + " contract has no operation " + operation);
        }
        return node;
    }
}
