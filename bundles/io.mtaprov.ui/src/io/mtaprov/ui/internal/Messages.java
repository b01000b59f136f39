package io.mtaprov.ui.internal;

import org.eclipse.osgi.util.NLS;

/**
 * The bundle's UI strings ({@code messages.properties} next to this class), one field per key,
 * filled by {@link NLS} at class initialisation. Placeholders are {@code {0}}, {@code {1}} for
 * {@link NLS#bind}.
 */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "io.mtaprov.ui.internal.messages";

    public static String ConfigEditor_loading;
    public static String ConfigEditor_loadJob;
    public static String ConfigEditor_loadFailed;
    public static String ConfigEditor_saveJob;
    public static String ConfigEditor_saveFailed;
    public static String ConfigEditor_saved;
    public static String ConfigEditor_pageText;
    public static String ConfigEditor_pageStructure;
    public static String ConfigEditor_pageHex;
    public static String ConfigEditor_parseErrorStay;
    public static String ConfigEditor_fixBeforeBinary;
    public static String ConfigEditor_hashDialect;
    public static String ConfigEditor_recomputeHash;
    public static String ConfigEditor_recomputeHashTip;
    public static String ConfigEditor_verifyHash;
    public static String ConfigEditor_verifyHashTip;
    public static String ConfigEditor_saveAsBinary;
    public static String ConfigEditor_saveAsText;
    public static String ConfigEditor_hashFailed;
    public static String ConfigEditor_hashStatus;
    public static String ConfigEditor_findingsSummary;
    public static String ConfigEditor_openDialogTitle;
    public static String ConfigEditor_openFailed;
    public static String Findings_severity;
    public static String Findings_line;
    public static String Findings_message;
    public static String Structure_tlv;
    public static String Structure_object;
    public static String Structure_syntax;
    public static String Structure_type;
    public static String Structure_value;
    public static String Structure_offset;
    public static String Structure_invalidValue;
    public static String Enrollment_actionJob;
    public static String Enrollment_colFlow;
    public static String Enrollment_colFqdn;
    public static String Enrollment_colIp;
    public static String Enrollment_colLastChange;
    public static String Enrollment_colMac;
    public static String Enrollment_colState;
    public static String Enrollment_colStep;
    public static String Enrollment_colTime;
    public static String Enrollment_colType;
    public static String Enrollment_colVendor;
    public static String Enrollment_copyDetails;
    public static String Enrollment_file;
    public static String Enrollment_filterHint;
    public static String Enrollment_loadFailed;
    public static String Enrollment_loadJob;
    public static String Enrollment_noFile;
    public static String Enrollment_noFileStore;
    public static String Enrollment_noProvisioningServer;
    public static String Enrollment_openConfig;
    public static String Enrollment_openConfigJob;
    public static String Enrollment_queryJob;
    public static String Enrollment_reason;
    public static String Enrollment_regenerate;
    public static String Enrollment_reprovision;
    public static String Enrollment_showTrace;
    public static String Enrollment_updateJob;
    public static String Sequence_attempt;
    public static String Sequence_copyText;
    public static String Sequence_dhcp;
    public static String Sequence_dns;
    public static String Sequence_empty;
    public static String Sequence_field;
    public static String Sequence_kdc;
    public static String Sequence_loadJob;
    public static String Sequence_loading;
    public static String Sequence_mps;
    public static String Sequence_mta;
    public static String Sequence_mtaSide;
    public static String Sequence_mtaSideTip;
    public static String Sequence_noMta;
    public static String Sequence_pcap;
    public static String Sequence_pcapTip;
    public static String Sequence_pcapJob;
    public static String Sequence_pcapDone;
    public static String Sequence_textDone;
    public static String Sequence_exportText;
    public static String Sequence_exportFailed;
    public static String Sequence_selectArrow;
    public static String Sequence_summary;
    public static String Sequence_tftp;
    public static String Sequence_value;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
