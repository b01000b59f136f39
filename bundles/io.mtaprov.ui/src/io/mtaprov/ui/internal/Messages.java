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

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
