package io.jobform.reconcile;

import io.jobform.aws.ObjectStore;
import io.jobform.aws.StoredObject;
import io.jobform.config.InstanceConfig;
import io.jobform.config.StateKeys;
import java.util.Optional;

/**
 * Before instances had folders of their own, every instance kept its inventory at
 * {@code _jobform/inventory.json}. An instance other than the default that finds no inventory in
 * its folder takes that one over, but only when every resource it lists is named for this
 * instance: the grants it retains for frozen and kept jobs, its keep decisions and its foreign
 * marks then survive the upgrade, and another instance's inventory is never read as this one's.
 */
final class LegacyInventory {

    private LegacyInventory() {}

    static Optional<StoredObject> adoptable(ObjectStore store, String instance) {
        if (instance.equals(InstanceConfig.DEFAULT_INSTANCE)) {
            return Optional.empty();
        }
        return store.get(StateKeys.DEFAULT.inventory()).filter(o -> belongsTo(o, instance));
    }

    private static boolean belongsTo(StoredObject object, String instance) {
        Inventory inventory = InventoryReader.read(object.body(), object.key()).inventory();
        return !inventory.resources().isEmpty() && inventory.resources().keySet().stream()
                .map(id -> id.substring(id.indexOf('/') + 1))
                .allMatch(name -> name.equals(instance) || name.startsWith(instance + "-"));
    }
}
