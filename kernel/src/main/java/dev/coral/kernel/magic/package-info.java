/**
 * Finding magics in cells ({@link dev.coral.kernel.magic.CellParser}) and giving a line magic's value
 * its static type when it is assigned ({@link dev.coral.kernel.magic.MagicAssignments}).
 */
package dev.coral.kernel.magic;
