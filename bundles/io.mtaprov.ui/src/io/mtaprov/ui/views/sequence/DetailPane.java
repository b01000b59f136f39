package io.mtaprov.ui.views.sequence;

import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.ui.UiIds;
import io.mtaprov.ui.internal.Messages;
import java.util.List;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;

/**
 * Below the diagram: the selected message's summary on one line and its decoded detail, as a
 * key/value tree when {@link DetailLines} can split it, else as text. UI thread only.
 */
final class DetailPane {
    private final Composite root;
    private final Text summary;
    private final Composite stack;
    private final StackLayout layout = new StackLayout();
    private final Tree tree;
    private final Text text;

    DetailPane(Composite parent) {
        root = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(root);
        summary = new Text(root, SWT.READ_ONLY | SWT.BORDER | SWT.SINGLE);
        summary.setData(UiIds.WIDGET_KEY, UiIds.WIDGET_SEQUENCE_SUMMARY);
        summary.setMessage(Messages.Sequence_selectArrow);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
        stack = new Composite(root, SWT.NONE);
        stack.setLayout(layout);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(stack);
        tree = new Tree(stack, SWT.BORDER | SWT.FULL_SELECTION);
        tree.setData(UiIds.WIDGET_KEY, UiIds.WIDGET_SEQUENCE_DETAIL_TREE);
        tree.setHeaderVisible(true);
        column(Messages.Sequence_field, 200);
        column(Messages.Sequence_value, 600);
        text = new Text(stack, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        text.setData(UiIds.WIDGET_KEY, UiIds.WIDGET_SEQUENCE_DETAIL_TEXT);
        layout.topControl = text;
    }

    private void column(String title, int width) {
        TreeColumn c = new TreeColumn(tree, SWT.NONE);
        c.setText(title);
        c.setWidth(width);
    }

    Composite control() {
        return root;
    }

    void show(Arrow a) {
        TraceEvent e = a.event();
        summary.setText(NLS.bind(Messages.Sequence_summary, new Object[] {e.step(), e.step().specFlows(),
                a.from().label(), a.to().label(), e.outcome(), e.summary()}));
        List<DetailLines.Node> nodes = DetailLines.parse(e.detail());
        tree.removeAll();
        if (nodes.isEmpty()) {
            text.setText(e.detail().isBlank() ? e.summary() : e.detail());
            layout.topControl = text;
        } else {
            nodes.forEach(n -> add(null, n));
            for (TreeItem item : tree.getItems()) {
                item.setExpanded(true);
            }
            layout.topControl = tree;
        }
        stack.layout();
    }

    private void add(TreeItem parent, DetailLines.Node n) {
        TreeItem item = parent == null ? new TreeItem(tree, SWT.NONE) : new TreeItem(parent, SWT.NONE);
        item.setText(new String[] {n.key(), n.value()});
        n.children().forEach(c -> add(item, c));
        item.setExpanded(true);
    }

    void clear() {
        summary.setText("");
        text.setText("");
        tree.removeAll();
        layout.topControl = text;
        stack.layout();
    }
}
