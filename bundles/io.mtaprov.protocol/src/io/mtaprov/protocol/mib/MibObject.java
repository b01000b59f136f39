package io.mtaprov.protocol.mib;

/**
 * One row of the MIB table (a node of a PacketCable MIB module): its module, name, OID, parsed
 * SYNTAX ({@code null} for nodes without one such as tables, entries and groups), MAX-ACCESS and
 * tree. Immutable.
 *
 * @param module module name, e.g. {@code PKTC-MTA-MIB}
 * @param name object descriptor
 * @param oid numeric OID of the object (without instance index)
 * @param syntax parsed SYNTAX, or {@code null} for non-leaf nodes
 * @param access MAX-ACCESS
 * @param tree the tree the module belongs to
 */
public record MibObject(String module, String name, Oid oid, MibSyntax syntax, MibAccess access, MibTree tree) {

    /** Whether this is a scalar or column (it has a SYNTAX), as opposed to a structural node. */
    public boolean isLeaf() {
        return syntax != null;
    }

    /** {@code MODULE::name}, the net-snmp qualified form. */
    public String qualifiedName() {
        return module + "::" + name;
    }
}
