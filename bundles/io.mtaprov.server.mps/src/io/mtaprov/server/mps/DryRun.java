package io.mtaprov.server.mps;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.provisioning.ConfigLayers;
import io.mtaprov.core.provisioning.CustomerCareException;
import io.mtaprov.core.provisioning.CustomerCareSource;
import io.mtaprov.core.provisioning.Enrollment;
import io.mtaprov.core.provisioning.ProvisioningStore;
import io.mtaprov.core.settings.ProvisioningNetwork;
import io.mtaprov.protocol.config.Finding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator's dry run: what step 5 would generate for an MTA now, as text (device class,
 * layers, the rendered file in the docsis text form, the validator's findings). Customer care is
 * asked (a read); the step-5a GETs are not made: each get.* value reads "DRYRUN". Nothing is
 * stored or sent. Stateless.
 */
final class DryRun {
    static final String GET_PLACEHOLDER = "DRYRUN";

    private DryRun() {
    }

    static String report(Enrollment e, Lease lease, ProvisioningStore store, ProvisioningNetwork net,
            List<CustomerCareSource> care, List<String> settingsGetOids) {
        StringBuilder out = new StringBuilder("Dry run for ").append(e.mac()).append(" (").append(e.ip())
                .append(", flow ").append(e.flow().realmName()).append(", lease scope '").append(lease.scope())
                .append("')\n");
        Map<String, String> careValues = new HashMap<>();
        for (CustomerCareSource src : care) {
            try {
                careValues.putAll(src.lookup(e.mac()));
            } catch (CustomerCareException x) {
                out.append("customer care ").append(src.describe()).append(" failed: ").append(x.getMessage()).append('\n');
            }
        }
        ConfigFileBuilder builder = new ConfigFileBuilder(store, net);
        try {
            ConfigFileBuilder.Plan plan = builder.plan(e, lease, careValues);
            out.append("device class: ").append(plan.deviceClass().id()).append(", tree ").append(plan.tree()).append('\n');
            plan.layers().forEach((name, vars) -> out.append("layer ").append(name).append(": ")
                    .append(ConfigLayers.sorted(vars)).append('\n'));
            Map<String, String> gets = new HashMap<>();
            plan.deviceClass().getOids().forEach(n -> gets.put(n, GET_PLACEHOLDER));
            settingsGetOids.forEach(n -> gets.put(n, GET_PLACEHOLDER));
            GeneratedConfig c = builder.build(plan, e, lease, gets, e.flow().isBasic());
            out.append("--- file (").append(c.file().encodedLength()).append(" bytes) ---\n").append(c.text()).append('\n');
            out.append("--- findings ---\n");
            for (Finding f : c.findings()) {
                out.append(f.severity()).append(' ').append(f.location()).append(": ").append(f.message()).append('\n');
            }
        } catch (ConfigFileBuilder.BuildException x) {
            out.append("--- no file: ").append(x.getMessage()).append('\n');
        }
        return out.toString();
    }
}
