package io.mtaprov.ui.views.enrollment;

import org.eclipse.core.runtime.ListenerList;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.Viewer;

/**
 * The view site's selection provider, forwarding to the current table viewer: the Enrollment
 * table's viewer is replaced when its row count drops sharply (see {@link EnrollmentTable}), the
 * site's provider must not change. UI thread only.
 */
final class SelectionForwarder implements ISelectionProvider {
    private final ListenerList<ISelectionChangedListener> listeners = new ListenerList<>();
    private Viewer viewer;

    void setViewer(Viewer v) {
        viewer = v;
        v.addSelectionChangedListener(e -> fire(e.getSelection()));
    }

    private void fire(ISelection s) {
        SelectionChangedEvent e = new SelectionChangedEvent(this, s);
        for (ISelectionChangedListener l : listeners) {
            l.selectionChanged(e);
        }
    }

    @Override
    public void addSelectionChangedListener(ISelectionChangedListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeSelectionChangedListener(ISelectionChangedListener listener) {
        listeners.remove(listener);
    }

    @Override
    public ISelection getSelection() {
        return viewer == null || viewer.getControl().isDisposed() ? StructuredSelection.EMPTY : viewer.getSelection();
    }

    @Override
    public void setSelection(ISelection selection) {
        if (viewer != null && !viewer.getControl().isDisposed()) {
            viewer.setSelection(selection);
        }
    }
}
