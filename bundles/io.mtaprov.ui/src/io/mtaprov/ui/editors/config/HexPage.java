package io.mtaprov.ui.editors.config;

import io.mtaprov.protocol.config.ConfigFile;
import io.mtaprov.ui.UiIds;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/**
 * The Hex page: a read-only hex dump of the encoded file with offsets; the TLV selected on the
 * Structure page is highlighted (hex and character columns) and scrolled into view. UI thread only.
 */
final class HexPage {
    private static final Color SELECTED = new Color(200, 225, 255);
    private StyledText text;

    Control create(Composite parent) {
        text = new StyledText(parent, SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL | SWT.READ_ONLY | SWT.BORDER);
        text.setFont(JFaceResources.getTextFont());
        text.setLeftMargin(6);
        text.setData(UiIds.WIDGET_KEY, UiIds.WIDGET_CONFIG_HEX);
        return text;
    }

    /** Shows {@code file}, highlighting TLV {@code selected} (-1 for none). */
    void refresh(ConfigFile file, int selected) {
        byte[] bytes = file.encode();
        text.setText(HexDump.format(bytes));
        if (selected < 0 || selected >= file.tlvs().size()) {
            return;
        }
        int from = file.offsets()[selected];
        int to = from + file.tlvs().get(selected).encodedLength();
        List<StyleRange> ranges = new ArrayList<>();
        List<StyleRange> ascii = new ArrayList<>();
        for (int b = from; b < to; b++) {
            int lineStart = (b / HexDump.PER_LINE) * HexDump.LINE_LENGTH;
            ranges.add(new StyleRange(lineStart + HexDump.hexColumn(b), 2, null, SELECTED));
            ascii.add(new StyleRange(lineStart + HexDump.asciiColumn(b), 1, null, SELECTED));
        }
        ranges.addAll(ascii);
        ranges.sort((x, y) -> Integer.compare(x.start, y.start));
        text.setStyleRanges(ranges.toArray(StyleRange[]::new));
        text.setTopIndex(Math.max(0, from / HexDump.PER_LINE - 3));
    }
}
