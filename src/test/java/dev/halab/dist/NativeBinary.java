package dev.halab.dist;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The operating system and CPU a native library is built for, read from its file header. */
enum NativeBinary {
    LINUX_X64, LINUX_ARM64, WINDOWS_X64, WINDOWS_ARM64, WINDOWS_X86, MACOS_X64, MACOS_ARM64, MACOS_UNIVERSAL, UNKNOWN;

    static boolean isNativeLibraryName(String name) {
        return name.endsWith(".so") || name.endsWith(".dll") || name.endsWith(".dylib") || name.endsWith(".jnilib");
    }

    static NativeBinary of(byte[] file) {
        ByteBuffer le = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (file.length > 20 && file[0] == 0x7f && file[1] == 'E' && file[2] == 'L' && file[3] == 'F') {
            return switch (le.getShort(18)) {
                case 0x3E -> LINUX_X64;
                case 0xB7 -> LINUX_ARM64;
                default -> UNKNOWN;
            };
        }
        if (file.length > 0x40 && file[0] == 'M' && file[1] == 'Z') {
            int pe = le.getInt(0x3C);
            if (pe > 0 && pe + 6 <= file.length && le.getInt(pe) == 0x00004550) {
                return switch (le.getShort(pe + 4) & 0xFFFF) {
                    case 0x8664 -> WINDOWS_X64;
                    case 0xAA64 -> WINDOWS_ARM64;
                    case 0x014C -> WINDOWS_X86;
                    default -> UNKNOWN;
                };
            }
            return UNKNOWN;
        }
        if (file.length > 8 && le.getInt(0) == 0xFEEDFACF) {
            return switch (le.getInt(4)) {
                case 0x01000007 -> MACOS_X64;
                case 0x0100000C -> MACOS_ARM64;
                default -> UNKNOWN;
            };
        }
        if (file.length > 4 && ByteBuffer.wrap(file).getInt(0) == 0xCAFEBABE && !isJavaClass(file)) {
            return MACOS_UNIVERSAL;
        }
        return UNKNOWN;
    }

    /** Java class files share the fat Mach-O magic; their next field is a small version number pair. */
    private static boolean isJavaClass(byte[] file) {
        return file.length > 8 && ByteBuffer.wrap(file).getShort(6) >= 45;
    }
}
