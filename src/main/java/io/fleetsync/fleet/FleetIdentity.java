package io.fleetsync.fleet;

import java.util.Objects;

/**
 * Which fleet file wrote an ApplySet parent: the fleet file's top-level {@code name}, written on every parent as
 * the annotation {@code fleetsync.io/fleet}. Parents without it were written by an unnamed fleet (or by
 * fleetsync before fleets had names), so an unnamed fleet is their owner.
 *
 * @param name the fleet's name, or null for an unnamed fleet
 */
public record FleetIdentity(String name) {
    public static final FleetIdentity UNNAMED = new FleetIdentity(null);

    /** True when a parent carrying this fleet annotation (null: none) was written by this fleet. */
    public boolean wrote(String parentFleet) {
        return Objects.equals(name, parentFleet);
    }

    /**
     * True when this fleet may keep using a parent of one of its own targets: it wrote it, or the parent carries
     * no identity (an install from before fleet names, which a named fleet takes over on its next apply).
     */
    public boolean mayUse(String parentFleet) {
        return parentFleet == null || wrote(parentFleet);
    }

    /** For messages: {@code fleet 'prod'} or {@code an unnamed fleet}. */
    public static String describe(String parentFleet) {
        return parentFleet == null ? "an unnamed fleet" : "fleet '" + parentFleet + "'";
    }
}
