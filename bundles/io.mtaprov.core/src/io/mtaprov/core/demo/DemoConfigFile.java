package io.mtaprov.core.demo;

import io.mtaprov.core.files.GeneratedFile;
import io.mtaprov.core.files.GeneratedFileStore;
import io.mtaprov.core.model.Direction;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.core.trace.TraceBus;
import java.time.Instant;
import java.util.HexFormat;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the framework property {@code mtaprov.demo} is true (the console's launcher sets it), stores
 * a minimal MTA configuration file for the demo MTA at start, so that a fresh console has a file
 * to fetch over TFTP, and traces where it is. Its name is unguessable like every generated file.
 */
@Component(service = DemoConfigFile.class, immediate = true)
public class DemoConfigFile {
    private static final Logger LOG = LoggerFactory.getLogger(DemoConfigFile.class);
    /** The demo MTA's MAC (CableLabs OUI 00:10:95 is not assigned to a vendor's MTAs; lab use). */
    public static final String DEMO_MAC = "00:10:95:de:00:01";
    /**
     * FE 01 01, TLV 11 pktcMtaDevEnabled.0 (1.3.6.1.4.1.4491.2.2.1.1.1.7.0, pktc-objects.tsv) = INTEGER 1,
     * FE 01 FF (PROTOCOL.md "The MTA configuration file").
     */
    static final byte[] CONTENT = HexFormat.of().parseHex(
            "fe0101" + "0b15" + "3013" + "060e2b060104" + "01a30b0202010101070" + "0" + "020101" + "fe01ff");

    private volatile GeneratedFile file;

    @Reference
    GeneratedFileStore files;

    @Reference
    TraceBus trace;

    @Activate
    void activate(BundleContext context) {
        if (!Boolean.parseBoolean(context.getProperty("mtaprov.demo"))) {
            return;
        }
        GeneratedFile f = files.put(DEMO_MAC, CONTENT.clone());
        file = f;
        LOG.info("demo MTA config file stored as {} ({} bytes): tftp 127.0.0.1 10069 -c get {}", f.name(), f.size(),
                f.name());
        trace.publish(new TraceEvent(Instant.now(), DEMO_MAC, ProvisioningStep.CONFIG_FILE_UPLOAD, "mps",
                Direction.INTERNAL, "", "demo config file stored: " + f.name() + " (" + f.size() + " bytes)",
                "fetch it with: tftp 127.0.0.1 10069 -m binary -c get " + f.name(), Outcome.INFO));
    }

    /** The demo file, or null when the demo is off. */
    public GeneratedFile file() {
        return file;
    }
}
