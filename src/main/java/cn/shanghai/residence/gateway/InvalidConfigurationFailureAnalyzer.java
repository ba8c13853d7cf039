package cn.shanghai.residence.gateway.upstream;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad upstream URL into Boot's short start-up report instead of a stack trace. */
class UpstreamConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<UpstreamConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UpstreamConfigurationException cause) {
        return new FailureAnalysis(
                "The gateway cannot reach its back-ends: " + cause.getMessage(),
                "Set " + cause.property() + " to the upstream's base URL, e.g. https://police.example.gov.cn"
                        + "/police/v1, or run in the sandbox (gateway.sandbox.enabled=true, the default).",
                cause);
    }
}
