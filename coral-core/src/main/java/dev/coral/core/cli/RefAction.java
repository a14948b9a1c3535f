package dev.coral.core.cli;

/** What a {@code branch} or {@code tag} command did to a ref. */
public enum RefAction {
    CREATED,
    DELETED
}
