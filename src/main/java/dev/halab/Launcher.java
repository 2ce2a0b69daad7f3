package dev.halab;

public final class Launcher {
    public static void main(String[] args) {
        System.out.println("HA Lab");
    }
}
