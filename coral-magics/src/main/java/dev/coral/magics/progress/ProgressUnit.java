package dev.coral.magics.progress;

import dev.coral.magics.render.HumanFormat;

/** What a unit of progress counts; decides how amounts and rates are written. */
public enum ProgressUnit {
    /** Bytes: shown as KiB/MiB/GiB and MiB/s. */
    BYTES,
    /** Things (tensors, objects, commits): shown as counts and items/s. */
    COUNT;

    String amount(long value) {
        return this == BYTES ? HumanFormat.bytes(value) : HumanFormat.count(value);
    }

    String rate(double perSecond) {
        return this == BYTES ? HumanFormat.bytes((long) perSecond) + "/s" : HumanFormat.number(Math.round(perSecond * 10) / 10.0) + "/s";
    }
}
