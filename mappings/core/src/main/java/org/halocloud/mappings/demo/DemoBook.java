package org.halocloud.mappings.demo;

import java.util.BitSet;
import java.util.Random;

/**
 * Which slots of a demo appointment book are taken: per provider (0, 1, ...) and day (an offset from today, from
 * {@code -pastDays} to {@code futureDays}), a row of {@code slotsPerDay} equal slots. It keeps generated
 * appointments of one provider from overlapping.
 */
public final class DemoBook {

    /** Whether a slot of a day is in one of the provider's sessions; {@code weekday} is 1 (Monday) to 7. */
    @FunctionalInterface
    public interface Sessions {
        boolean bookable(int weekday, int slot);
    }

    private final int pastDays;
    private final int futureDays;
    private final int slotsPerDay;
    private final BitSet taken = new BitSet();

    public DemoBook(int pastDays, int futureDays, int slotsPerDay) {
        this.pastDays = pastDays;
        this.futureDays = futureDays;
        this.slotsPerDay = slotsPerDay;
    }

    /**
     * The first slot, starting from a random one and wrapping round the day, where {@code length} slots in a row
     * are bookable and free; -1 if there is none. Takes nothing (see {@link #take}).
     */
    public int freeSlot(Random r, int provider, int offset, int weekday, int length, Sessions sessions) {
        int base = base(provider, offset);
        int slot = -1;
        for (int i = 0, start = r.nextInt(slotsPerDay); i < slotsPerDay && slot < 0; i++) {
            int s = (start + i) % slotsPerDay;
            boolean fits = s + length <= slotsPerDay;
            for (int k = 0; fits && k < length; k++) {
                fits = sessions.bookable(weekday, s + k) && !taken.get(base + s + k);
            }
            slot = fits ? s : -1;
        }
        return slot;
    }

    /** Marks {@code length} slots from {@code slot} as taken. */
    public void take(int provider, int offset, int slot, int length) {
        int base = base(provider, offset);
        taken.set(base + slot, base + slot + length);
    }

    private int base(int provider, int offset) {
        if (offset < -pastDays || offset > futureDays) {
            throw new IllegalArgumentException("day " + offset + " is outside the book");
        }
        return (provider * (pastDays + futureDays + 1) + offset + pastDays) * slotsPerDay;
    }
}
