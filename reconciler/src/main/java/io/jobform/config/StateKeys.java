package io.jobform.config;

/**
 * Where an instance keeps its own objects in its bucket: inventory, lease, status and applied-field
 * records. Several instances may share one bucket, so each has its own folder: the default
 * instance keeps the layout earlier versions wrote ({@code _jobform/}), any other instance
 * {@code _jobform/instances/<instance>/}, which no key of the default layout can reach
 * (instance names have no {@code /} or {@code .}).
 *
 * @param root the folder, ending in {@code /}
 */
public record StateKeys(String root) {

    /** Every instance's objects, the folder manifests are never read from. */
    public static final String ALL = "_jobform/";
    public static final StateKeys DEFAULT = of(InstanceConfig.DEFAULT_INSTANCE);

    public static StateKeys of(String instance) {
        return new StateKeys(instance.equals(InstanceConfig.DEFAULT_INSTANCE) ? ALL : ALL + "instances/" + instance + "/");
    }

    public String inventory() {
        return root + "inventory.json";
    }

    public String lease() {
        return root + "lease.json";
    }

    /**
     * Each schedule's last-modified time after jobform applied it, which {@code get jobs} compares
     * with the live listing. Apart from the inventory, which holds manifest text (env values): an
     * operator may read this, not that.
     */
    public String scheduleTimes() {
        return root + "schedule-times.json";
    }

    /** {@code <job>.json} per job and {@code _summary.json}. */
    public String statusPrefix() {
        return root + "status/";
    }

    /** {@code <job>.json} per job and {@code _shared.json}. */
    public String appliedPrefix() {
        return root + "applied/";
    }
}
