/**
 * The MTA simulator: the client side of every step of the PacketCable provisioning sequence for the
 * Basic and Hybrid flows (PKT-SP-PROV1.5; docs/wire-contract.md), for one MTA
 * ({@link io.mtaprov.sim.SimulatedMta}) or a fleet ({@link io.mtaprov.sim.SimulatorFleet}), and a
 * command line ({@link io.mtaprov.sim.SimMain}).
 *
 * <p>Threading: a run blocks its calling thread (meant to be a virtual thread) while it waits on
 * the network; SNMP is received on one virtual thread per MTA address ({@code VirtualThreadUdpTransport})
 * and dispatched through one shared SNMP4J session ({@link io.mtaprov.sim.SnmpHub}). Values are
 * immutable unless documented otherwise; no method returns {@code null} unless its Javadoc says so.
 *
 * <p>The Secure flow (Kerberos, key management, SNMPv3) plugs in through
 * {@link io.mtaprov.sim.SecureFlowSteps}; until it exists an MTA told to use it fails at step 3.
 */
package io.mtaprov.sim;
