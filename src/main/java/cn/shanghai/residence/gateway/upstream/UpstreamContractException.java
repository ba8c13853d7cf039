package cn.shanghai.residence.gateway.upstream;

/** An upstream answered with a body that breaks its contract (a required field missing, say). */
public class UpstreamContractException extends RuntimeException {

    public UpstreamContractException(String message) {
        super(message, null, false, false);
    }
}
