package io.mtaprov.core.lease;

/**
 * EventAdmin topic posted when a lease is granted, renewed, released or expires, so that DNS adds or
 * removes the MTA's name and views refresh. Property {@link #PROP_LEASE} holds the new {@link Lease}.
 */
public final class LeaseEvents {
    public static final String TOPIC_CHANGED = "io/mtaprov/lease/CHANGED";
    public static final String PROP_LEASE = "lease";

    private LeaseEvents() {
    }
}
