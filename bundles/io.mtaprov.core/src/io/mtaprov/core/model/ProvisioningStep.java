package io.mtaprov.core.model;

/**
 * The ten steps of the PacketCable provisioning sequence as the console names them
 * (shared/PROTOCOL.md "The ten steps"), each with the PKT-SP-PROV1.5 flow numbers (MTA-n) it covers.
 */
public enum ProvisioningStep {
    DEVICE_ACTION_REQUEST(1, "Device Action Request", "MTA-1, MTA-3"),
    DHCP_OPTIONS_TRANSFER(2, "DHCP Options Transfer", "MTA-2, MTA-4..MTA-8"),
    SNMPV3_SECURITY(3, "SNMPv3 Security", "MTA-9..MTA-14"),
    ENROLLMENT_REQUEST(4, "Enrollment Request", "MTA-15"),
    CONFIG_FILE_GENERATION(5, "Generation of Configuration File", "MTA-16..MTA-17"),
    CONFIG_FILE_UPLOAD(6, "Configuration File Upload", "MTA-18"),
    CONFIG_FILE_LOCATION(7, "Configuration File Location", "MTA-19"),
    CONFIG_FILE_REQUEST(8, "Request for Configuration File", "MTA-20..MTA-22"),
    CONFIG_FILE_DOWNLOAD(9, "Configuration File Download", "MTA-23"),
    PROVISIONING_STATUS(10, "Provisioning Status Update", "MTA-24..MTA-25");

    private final int number;
    private final String title;
    private final String specFlows;

    ProvisioningStep(int number, String title, String specFlows) {
        this.number = number;
        this.title = title;
        this.specFlows = specFlows;
    }

    /** The console's step number, 1..10. */
    public int number() {
        return number;
    }

    public String title() {
        return title;
    }

    /** The PKT-SP-PROV1.5 message flow numbers this step covers, e.g. "MTA-19". */
    public String specFlows() {
        return specFlows;
    }

    /** The step with the given console number. */
    public static ProvisioningStep ofNumber(int number) {
        for (ProvisioningStep s : values()) {
            if (s.number == number) {
                return s;
            }
        }
        throw new IllegalArgumentException("no provisioning step " + number + " (1..10)");
    }

    @Override
    public String toString() {
        return number + " " + title;
    }
}
