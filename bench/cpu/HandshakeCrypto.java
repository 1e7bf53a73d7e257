import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PSSParameterSpec;
import javax.crypto.KeyAgreement;

/**
 * The client's share of one TLS 1.3 handshake with a client certificate, in the JDK's own crypto: the RSA-2048
 * CertificateVerify signature (rsa_pss_rsae_sha256) and the X25519 key agreement. Run by bench/cpu/handshake-cost
 * under the JIT settings of the launchers (C1 only) and with C2, as a short-lived fleetsync process sees them.
 */
public class HandshakeCrypto {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        var rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        var clientKey = rsa.generateKeyPair().getPrivate();
        var pss = new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);
        var x = KeyPairGenerator.getInstance("XDH");
        x.initialize(NamedParameterSpec.X25519);
        var peer = x.generateKeyPair().getPublic();
        byte[] transcript = new byte[32];

        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            var sign = Signature.getInstance("RSASSA-PSS");
            sign.setParameter(pss);
            sign.initSign(clientKey);
            sign.update(transcript);
            sign.sign();
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            var agree = KeyAgreement.getInstance("XDH");
            agree.init(x.generateKeyPair().getPrivate());
            agree.doPhase(peer, true);
            agree.generateSecret();
        }
        long t2 = System.nanoTime();
        System.out.printf("%d handshakes: RSA-2048 PSS sign %.2f ms each, X25519 key pair + agreement %.2f ms each%n",
                n, (t1 - t0) / 1e6 / n, (t2 - t1) / 1e6 / n);
    }
}
