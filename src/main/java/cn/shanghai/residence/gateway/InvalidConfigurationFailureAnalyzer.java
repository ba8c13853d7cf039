package cn.shanghai.residence.gateway;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad setting into Boot's short start-up report naming the property, instead of a stack trace. */
class InvalidConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfigurationException cause) {
        return new FailureAnalysis(
                "The gateway is not configured completely: " + cause.getMessage(),
                "Set " + cause.property() + " (see the configuration table in README.md), or run in the sandbox "
                        + "(gateway.sandbox.enabled=true, the default).",
                cause);
    }
}
