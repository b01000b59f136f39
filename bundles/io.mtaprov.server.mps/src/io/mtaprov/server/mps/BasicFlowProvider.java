package io.mtaprov.server.mps;

import io.mtaprov.core.files.GeneratedFile;
import io.mtaprov.core.lease.Lease;
import io.mtaprov.core.provisioning.ConfigFileService;
import io.mtaprov.core.settings.ProvisioningNetwork;
import io.mtaprov.server.dhcp.BasicFlowFileProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DHCP server's Basic-flow hook (BASIC.1/.2): names the MTA's config file, with the hash TLV
 * inside, in the OFFER/ACK ({@code siaddr} = the TFTP address, {@code file} = the generated name).
 * The DHCP receive thread must not wait on I/O, so generation ({@link ConfigFileService}, steps 5-6)
 * runs on a virtual thread and is awaited at most {@link #WAIT}; a file not ready by then is not
 * named (the MTA's DISCOVER retransmission, RFC 2131 section 4.1, finds it ready). The file of an
 * OFFER is reused for the ACK of the same address and for retransmissions within {@link #REUSE};
 * a later DISCOVER (a reboot) gets a new file. Thread-safe.
 */
@Component(service = BasicFlowFileProvider.class)
public class BasicFlowProvider implements BasicFlowFileProvider {
    private static final Logger LOG = LoggerFactory.getLogger(BasicFlowProvider.class);
    static final Duration WAIT = Duration.ofMillis(200);
    static final Duration REUSE = Duration.ofSeconds(60);

    private record Generated(String ip, String name, Instant at) {
    }

    private final Map<String, Generated> files = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<GeneratedFile>> pending = new ConcurrentHashMap<>();
    private final ExecutorService work = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("mtaprov-mps-basic-", 0).factory());
    private volatile ConfigFileService service;
    private volatile String tftpAddress = ProvisioningNetwork.LOOPBACK_DEFAULTS.tftpAddress();

    public BasicFlowProvider() {
    }

    /** For use outside OSGi. */
    public BasicFlowProvider(ConfigFileService service, String tftpAddress) {
        this.service = service;
        this.tftpAddress = tftpAddress;
    }

    @Reference
    void setService(ConfigFileService s) {
        this.service = s;
    }

    @Activate
    void activate(BundleContext context) {
        tftpAddress = ProvisioningNetwork.fromProperties(context::getProperty).tftpAddress();
    }

    @Override
    public Optional<BasicFlowFile> fileFor(String mac, Lease lease) {
        Generated g = files.get(mac);
        if (g != null && g.ip().equals(lease.ip()) && (lease.state() == Lease.State.BOUND
                || Duration.between(g.at(), Instant.now()).compareTo(REUSE) < 0)) {
            return Optional.of(new BasicFlowFile(g.name(), tftpAddress));
        }
        CompletableFuture<GeneratedFile> f = pending.computeIfAbsent(mac, k -> CompletableFuture
                .supplyAsync(() -> service.generateFor(lease), work).whenComplete((file, err) -> {
                    if (file != null) {
                        files.put(mac, new Generated(lease.ip(), file.name(), Instant.now()));
                    }
                    pending.remove(mac);
                }));
        try {
            GeneratedFile file = f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.of(new BasicFlowFile(file.name(), tftpAddress));
        } catch (TimeoutException e) {
            LOG.debug("file of {} not ready within {} ms; the MTA's retransmission will get it", mac, WAIT.toMillis());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (java.util.concurrent.ExecutionException e) {
            return Optional.empty(); // the reason is on the trace (the attempt failed in step 5 or 6)
        }
    }
}
