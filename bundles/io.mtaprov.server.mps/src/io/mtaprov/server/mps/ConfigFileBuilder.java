package io.mtaprov.server.mps;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.provisioning.ConfigInputs;
import io.mtaprov.core.provisioning.ConfigLayers;
import io.mtaprov.core.provisioning.ConfigTemplate;
import io.mtaprov.core.provisioning.DeviceClass;
import io.mtaprov.core.provisioning.Enrollment;
import io.mtaprov.core.provisioning.ProvisioningStore;
import io.mtaprov.core.provisioning.TemplateException;
import io.mtaprov.core.settings.ProvisioningNetwork;
import io.mtaprov.protocol.DecodeException;
import io.mtaprov.protocol.config.ConfigDocument;
import io.mtaprov.protocol.config.ConfigFile;
import io.mtaprov.protocol.config.ConfigHash;
import io.mtaprov.protocol.config.ConfigText;
import io.mtaprov.protocol.config.ConfigValidator;
import io.mtaprov.protocol.config.Finding;
import io.mtaprov.protocol.config.HashDialect;
import io.mtaprov.protocol.mib.MibTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 5: builds an MTA's config file from the layers in the store (device class, CMTS "*", the
 * lease's CMTS scope, the MTA's settings), the customer-care layer and the facts (enrollment, lease,
 * network, step-5a GET values), renders the device class's template ({@link ConfigTemplate}),
 * parses it as the docsis text form in the enrollment's MIB tree and validates it
 * (ConfigValidator): errors stop the generation. Stateless apart from its store; thread-safe.
 */
final class ConfigFileBuilder {
    private final ProvisioningStore store;
    private final ProvisioningNetwork network;

    ConfigFileBuilder(ProvisioningStore store, ProvisioningNetwork network) {
        this.store = store;
        this.network = network;
    }

    /** The layers and the chosen device class for an MTA, before rendering. */
    record Plan(DeviceClass deviceClass, MibTree tree, Map<String, Map<String, String>> layers) {
    }

    /** Step 5 failed: the reason names the layer, template line or validator finding. */
    static final class BuildException extends Exception {
        private static final long serialVersionUID = 1L;

        BuildException(String message) {
            super(message);
        }
    }

    /** Chooses the device class ("deviceClass" of the MTA or care layer forces one) and collects the layers. */
    Plan plan(Enrollment e, Lease lease, Map<String, String> care) throws BuildException {
        Map<String, Map<String, String>> layers = new LinkedHashMap<>();
        Map<String, String> mta = store.mtaVariables(e.mac());
        String forced = care.getOrDefault("deviceClass", mta.getOrDefault("deviceClass", ""));
        List<DeviceClass> classes = store.deviceClasses();
        DeviceClass dc;
        if (!forced.isBlank()) {
            dc = classes.stream().filter(c -> c.id().equals(forced.strip())).findFirst()
                    .orElseThrow(() -> new BuildException("device class '" + forced + "' (set for the MTA) does not exist"));
        } else {
            dc = DeviceClass.select(classes, new DeviceClass.DeviceFacts(lease.vendorClass(), e.typeIdentifier(),
                    e.sysDescr(), e.mibTree())).orElseThrow(() -> new BuildException("no device class matches (option 60 '"
                            + lease.vendorClass() + "', type '" + e.typeIdentifier() + "', tree " + e.mibTree() + ")"));
        }
        layers.put("device class " + dc.id(), dc.variables());
        layers.put("CMTS *", store.cmtsVariables(ProvisioningStore.ALL_SCOPES));
        if (!lease.scope().isBlank() && !lease.scope().equals(ProvisioningStore.ALL_SCOPES)) {
            layers.put("CMTS " + lease.scope(), store.cmtsVariables(lease.scope()));
        }
        layers.put("MTA " + e.mac(), mta);
        layers.put("customer care", care);
        MibTree tree = !dc.mibTree().isEmpty() ? MibTree.valueOf(dc.mibTree()) : MibTree.valueOf(e.mibTree());
        return new Plan(dc, tree, layers);
    }

    /** Renders, parses and validates; the Basic flow gets the hash TLV inside the file. */
    GeneratedConfig build(Plan plan, Enrollment e, Lease lease, Map<String, String> gets, boolean withHashTlv)
            throws BuildException {
        ConfigInputs in;
        try {
            in = ConfigLayers.merge(new ArrayList<>(plan.layers().values()), facts(e, lease, gets));
        } catch (IllegalArgumentException x) {
            throw new BuildException("layers: " + x.getMessage());
        }
        String text;
        try {
            text = ConfigTemplate.render(plan.deviceClass().template(), in);
        } catch (TemplateException x) {
            throw new BuildException("device class " + plan.deviceClass().id() + ": " + x.getMessage());
        }
        return fromText(plan.deviceClass(), plan.tree(), text, withHashTlv);
    }

    /**
     * Parses and validates a rendered text into the file: deterministic, so the text of a generated
     * file gives the same bytes again (an ended attempt keeps only its text, see {@link Attempt#settle}).
     */
    static GeneratedConfig fromText(DeviceClass deviceClass, MibTree tree, String text, boolean withHashTlv)
            throws BuildException {
        ConfigDocument doc;
        try {
            doc = ConfigText.parse(text, tree);
        } catch (DecodeException x) {
            throw new BuildException("rendered file line " + x.offset() + ": " + x.getMessage());
        }
        List<Finding> findings = ConfigValidator.validate(doc);
        List<String> errors = findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR)
                .map(f -> f.location() + ": " + f.message()).toList();
        if (!errors.isEmpty()) {
            throw new BuildException("the file of device class " + deviceClass.id() + " is invalid: "
                    + String.join("; ", errors));
        }
        ConfigFile file = doc.toConfigFile();
        if (withHashTlv) {
            file = ConfigHash.withHash(file, HashDialect.of(tree));
        }
        return new GeneratedConfig(deviceClass, tree, text, doc, file, findings);
    }

    /** The values no layer can override. */
    Map<String, String> facts(Enrollment e, Lease lease, Map<String, String> gets) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("mta.mac", e.mac());
        f.put("mta.ip", e.ip());
        f.put("mta.correlationId", Long.toString(e.correlationId()));
        f.put("mta.flow", e.flow().realmName());
        f.put("mta.sysDescr", e.sysDescr());
        f.put("mta.swVersion", e.swVersion());
        f.put("mta.typeIdentifier", e.typeIdentifier());
        f.put("mta.fqdn", lease.hostname());
        f.put("lease.ip", lease.ip());
        f.put("lease.scope", lease.scope());
        f.put("lease.vendorClass", lease.vendorClass());
        f.put("lease.hostname", lease.hostname());
        f.put("lease.realm", MtaFlow.realm(lease, network));
        f.put("net.zone", network.zone());
        f.put("net.realm", network.realm());
        f.put("net.mpsFqdn", network.mpsFqdn());
        f.put("net.mpsAddress", network.mpsAddress());
        f.put("net.tftpFqdn", network.tftpFqdn());
        f.put("net.tftpAddress", network.tftpAddress());
        f.put("net.kdcFqdn", network.kdcFqdn());
        f.put("net.dnsAddress", network.dnsAddress());
        gets.forEach((k, v) -> f.put("get." + k, v));
        return f;
    }
}
