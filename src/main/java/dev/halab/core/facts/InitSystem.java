package dev.halab.core.facts;

/** How services are managed on a host: systemctl on systemd hosts, the SysV {@code service} path otherwise. */
public enum InitSystem { SYSTEMD, SYSV, UNKNOWN }
