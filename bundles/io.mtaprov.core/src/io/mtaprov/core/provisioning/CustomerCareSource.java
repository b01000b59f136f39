package io.mtaprov.core.provisioning;

import java.util.Map;

/**
 * Step 5c: settings an operator's customer-care system holds for an MTA (lines and phone numbers,
 * a device class, any template variable), queried while the config file is generated. Its values
 * are the top layer (see {@link ConfigLayers}). Implementations: a watched CSV file and an HTTP
 * endpoint returning JSON (io.mtaprov.server.mps).
 * <p>
 * Threading: {@link #lookup} may be called from several provisioning threads at once and may block
 * for I/O up to the source's own timeout.
 */
public interface CustomerCareSource {

    /** A short description for the trace, e.g. "CSV /srv/care.csv" or "HTTP http://care/mta/{mac}". */
    String describe();

    /**
     * The variables for the MTA, empty if the source knows nothing of it.
     *
     * @throws CustomerCareException if the source could not be asked or answered badly
     */
    Map<String, String> lookup(String mac) throws CustomerCareException;
}
