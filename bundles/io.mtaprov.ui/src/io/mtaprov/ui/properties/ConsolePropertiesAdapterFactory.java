package io.mtaprov.ui.properties;

import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.ui.views.enrollment.EnrollmentRow;
import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.ui.views.properties.IPropertySource;

/**
 * Adapts what the console's views select to the Properties view: an MTA of the Enrollment view
 * (its enrollment row) and an event of the Trace view (step, server, peer, decoded detail).
 * Registered in plugin.xml.
 */
public class ConsolePropertiesAdapterFactory implements IAdapterFactory {

    @Override
    public <T> T getAdapter(Object adaptable, Class<T> adapterType) {
        if (adapterType != IPropertySource.class) {
            return null;
        }
        if (adaptable instanceof EnrollmentRow r) {
            return adapterType.cast(new RecordPropertySource(r));
        }
        if (adaptable instanceof TraceEvent e) {
            return adapterType.cast(new RecordPropertySource(e));
        }
        return null;
    }

    @Override
    public Class<?>[] getAdapterList() {
        return new Class<?>[] {IPropertySource.class};
    }
}
