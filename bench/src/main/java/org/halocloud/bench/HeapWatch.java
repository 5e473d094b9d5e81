package org.halocloud.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The whole JVM's heap while it is open: a baseline after {@code System.gc()}, the highest heap used (MemoryMXBean
 * sampled every 5 ms, garbage not yet collected included) and the highest heap left after a collection (GC
 * notifications), which is closer to the live set.
 */
final class HeapWatch implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final long baseline;
    private final AtomicLong peak;
    private final AtomicBoolean sampling = new AtomicBoolean(true);
    private final Thread sampler;
    private final AtomicLong afterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final NotificationListener listener = (notification, handback) -> {
        if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                    .from((CompositeData) notification.getUserData());
            long used = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                MemoryUsage after = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
                if (pool.getType() == MemoryType.HEAP && after != null) {
                    used += after.getUsed();
                }
            }
            afterGc.accumulateAndGet(used, Math::max);
            collections.incrementAndGet();
        }
    };

    private HeapWatch() throws InterruptedException {
        System.gc();
        Thread.sleep(200);
        baseline = memory.getHeapMemoryUsage().getUsed();
        peak = new AtomicLong(baseline);
        sampler = new Thread(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
        }
    }

    static HeapWatch start() throws InterruptedException {
        return new HeapWatch();
    }

    long baseline() {
        return baseline;
    }

    long peak() {
        return peak.get();
    }

    long afterGc() {
        return afterGc.get();
    }

    long collections() {
        return collections.get();
    }

    /** Stops sampling and listening; the figures stay as they were. */
    @Override
    public void close() throws InterruptedException {
        sampling.set(false);
        sampler.join();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            try {
                ((NotificationEmitter) gc).removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // not registered on this collector
            }
        }
    }
}
