package io.mtaprov.core.provisioning;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The provisioning server's timers. Each can be set by framework/system property
 * {@code mtaprov.mps.<key>} in milliseconds ({@code setRetries} as a count).
 *
 * @param getTimeout      wait for the answer of an optional step-5a GET (one try)
 * @param setTimeout      wait for the answer of the step-7 SET, per try
 * @param setRetries      further tries of the SET after a timeout (error answers are not retried)
 * @param downloadTimeout from the accepted SET until the TFTP download is seen (steps 8-9)
 * @param statusTimeout   from the download until the status INFORM (step 10); PKT-SP-PROV1.5 lets
 *                        the MTA take up to its provisioning timer (option 122 sub-option 8, minutes)
 */
public record ProvisioningTimers(Duration getTimeout, Duration setTimeout, int setRetries, Duration downloadTimeout,
        Duration statusTimeout) {

    public static final ProvisioningTimers DEFAULTS = new ProvisioningTimers(Duration.ofMillis(1500),
            Duration.ofMillis(2000), 3, Duration.ofSeconds(60), Duration.ofSeconds(120));

    public ProvisioningTimers {
        if (setRetries < 0) {
            throw new IllegalArgumentException("setRetries " + setRetries + " < 0");
        }
    }

    /** The defaults with any {@code mtaprov.mps.<key>} property applied. */
    public static ProvisioningTimers fromProperties(UnaryOperator<String> props) {
        ProvisioningTimers d = DEFAULTS;
        return new ProvisioningTimers(ms(props, "getTimeout", d.getTimeout), ms(props, "setTimeout", d.setTimeout),
                (int) number(props, "setRetries", d.setRetries), ms(props, "downloadTimeout", d.downloadTimeout),
                ms(props, "statusTimeout", d.statusTimeout));
    }

    private static Duration ms(UnaryOperator<String> props, String key, Duration dflt) {
        return Duration.ofMillis(number(props, key, dflt.toMillis()));
    }

    private static long number(UnaryOperator<String> props, String key, long dflt) {
        String v = props.apply("mtaprov.mps." + key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("mtaprov.mps." + key + " is not a number: " + v, e);
        }
    }
}
