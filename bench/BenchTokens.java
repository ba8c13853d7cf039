// Makes the benchmark's identity provider: an RSA key pair, the public key as PEM for the gateway, and RS256
// tokens, one per line, for <count> persons of each named group ("home" gives bench-home-1 … bench-home-<count>,
// written to tokens-home.txt). Plain JDK, no dependencies.
//
// Usage: java bench/BenchTokens.java <out dir> <issuer> <count> <group>...
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

public class BenchTokens {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String issuer = args[1];
        Files.createDirectories(out);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Files.writeString(out.resolve("public.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        long now = Instant.now().getEpochSecond();
        int count = Integer.parseInt(args[2]);
        for (int g = 3; g < args.length; g++) {
            StringBuilder tokens = new StringBuilder();
            for (int n = 1; n <= count; n++) {
                String person = "bench-" + args[g] + "-" + n;
                String header = url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
                String claims = url("{\"iss\":\"" + issuer + "\",\"sub\":\"" + person
                        + "\",\"aud\":\"residence-gateway\",\"iat\":" + now + ",\"nbf\":" + (now - 60)
                        + ",\"exp\":" + (now + 7200) + "}");
                Signature signer = Signature.getInstance("SHA256withRSA");
                signer.initSign(keys.getPrivate());
                signer.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
                tokens.append(header).append('.').append(claims).append('.')
                        .append(Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign())).append('\n');
            }
            Files.writeString(out.resolve("tokens-" + args[g] + ".txt"), tokens);
        }
    }

    static String url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
