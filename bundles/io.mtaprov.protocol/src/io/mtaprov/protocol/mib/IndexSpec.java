package io.mtaprov.protocol.mib;

import java.util.List;

/**
 * The INDEX clause of a conceptual row (RFC 2578 section 7.7): its index components in order and
 * whether the last one is IMPLIED. For instance suffixes (RFC 2578 section 7.7): an integer index
 * is one arc; a string index is its length then one arc per byte, unless IMPLIED, when the length
 * is omitted. Immutable.
 *
 * @param entry the conceptual row (the columns' parent)
 * @param components index components in order
 * @param impliedLast whether the last component is IMPLIED
 */
public record IndexSpec(MibObject entry, List<Component> components, boolean impliedLast) {

    /** Canonical constructor; copies the list. */
    public IndexSpec {
        components = List.copyOf(components);
    }

    /**
     * One index component.
     *
     * @param name descriptor (may be imported, e.g. {@code ifIndex})
     * @param string whether it is an OCTET STRING index (else integer)
     */
    public record Component(String name, boolean string) {
    }

    /** Whether the index is a single IMPLIED string (the CableLabs realm and CMS tables). */
    public boolean isImpliedString() {
        return impliedLast && components.size() == 1 && components.get(0).string();
    }
}
