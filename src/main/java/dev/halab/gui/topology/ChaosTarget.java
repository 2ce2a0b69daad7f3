package dev.halab.gui.topology;

/** Which front end a chaos button acts on: the one holding the VIP now, or the other one. */
public enum ChaosTarget { MASTER, BACKUP }
