package io.mtaprov.ui.editors.settings;

import org.eclipse.core.commands.operations.AbstractOperation;
import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

/**
 * The edits of the settings editor as undoable operations on the workbench operation history (Edit >
 * Undo, Ctrl+Z), each in the editor's undo context. They run on the UI thread and call
 * {@code changed} after every execute, undo and redo so the editor refreshes, re-checks and updates
 * its dirty marker.
 */
final class SettingsOperations {
    private SettingsOperations() {
    }

    /** Sets one field of one row. */
    static final class SetField extends AbstractOperation {
        private final SettingsRow row;
        private final String key;
        private final String oldValue;
        private final String newValue;
        private final Runnable changed;

        SetField(IUndoContext context, SettingsRow row, String key, String newValue, Runnable changed) {
            super("Set " + key);
            addContext(context);
            this.row = row;
            this.key = key;
            this.oldValue = row.get(key);
            this.newValue = newValue;
            this.changed = changed;
        }

        @Override
        public IStatus execute(IProgressMonitor monitor, IAdaptable info) {
            return apply(newValue);
        }

        @Override
        public IStatus redo(IProgressMonitor monitor, IAdaptable info) {
            return apply(newValue);
        }

        @Override
        public IStatus undo(IProgressMonitor monitor, IAdaptable info) {
            return apply(oldValue);
        }

        private IStatus apply(String value) {
            row.set(key, value);
            changed.run();
            return Status.OK_STATUS;
        }
    }

    /** Adds a row at the end, or removes one (and puts it back where it was on undo). */
    static final class AddOrRemoveRow extends AbstractOperation {
        private final SettingsTableModel table;
        private final SettingsRow row;
        private final boolean add;
        private final Runnable changed;
        private int index;

        AddOrRemoveRow(IUndoContext context, SettingsTableModel table, SettingsRow row, boolean add,
                Runnable changed) {
            super((add ? "Add " : "Remove ") + "row");
            addContext(context);
            this.table = table;
            this.row = row;
            this.add = add;
            this.changed = changed;
            this.index = add ? table.rows().size() : table.rows().indexOf(row);
        }

        @Override
        public IStatus execute(IProgressMonitor monitor, IAdaptable info) {
            return add ? insert() : delete();
        }

        @Override
        public IStatus redo(IProgressMonitor monitor, IAdaptable info) {
            return execute(monitor, info);
        }

        @Override
        public IStatus undo(IProgressMonitor monitor, IAdaptable info) {
            return add ? delete() : insert();
        }

        private IStatus insert() {
            table.rows().add(Math.min(index, table.rows().size()), row);
            changed.run();
            return Status.OK_STATUS;
        }

        private IStatus delete() {
            index = table.rows().indexOf(row);
            table.rows().remove(row);
            changed.run();
            return Status.OK_STATUS;
        }
    }
}
