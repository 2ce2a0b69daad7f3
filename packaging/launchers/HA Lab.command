#!/bin/sh
# HA Lab for macOS, from the download zip: double-click it in Finder (the first time: right-click > Open).
# Needs Java 17 or newer (JAVA_HOME, else /usr/libexec/java_home -v 17+, else java on PATH).
#   ./"HA Lab.command"                 open the desktop app
#   ./"HA Lab.command" validate ...    the command line (./"HA Lab.command" --help)
# Extra JVM options: HALAB_JAVA_OPTS="-Dhalab.lang=zh_CN" ./"HA Lab.command"
here=$(cd "$(dirname "$0")" && pwd)

java_cmd=""
if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/libexec/java_home ]; then
    # /usr/bin/java is only a stub when no JDK is installed; java_home finds a real one
    JAVA_HOME=$(/usr/libexec/java_home -v 17+ 2>/dev/null) || JAVA_HOME=""
fi
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    java_cmd="$JAVA_HOME/bin/java"
elif command -v java >/dev/null 2>&1; then
    java_cmd=$(command -v java)
fi
# "17.0.2" -> 17, "1.8.0_402" -> 8, "21-ea" -> 21; nothing when java is absent or broken
major=""
if [ -n "$java_cmd" ]; then
    major=$("$java_cmd" -version 2>&1 | awk -F'"' '/version/ { print $2; exit }' \
        | awk -F. '{ v = $1; if (v == "1") v = $2; sub(/[^0-9].*/, "", v); print v }')
fi
if [ -z "$major" ] || [ "$major" -lt 17 ]; then
    found=${major:-none}
    cat >&2 <<MSG
HA Lab needs Java 17 or newer (found: $found).
Install a JDK or JRE 17 or 21, e.g. Eclipse Temurin from https://adoptium.net/
(choose macOS, x64 for Intel or aarch64 for Apple silicon), then start HA Lab again.
Set JAVA_HOME if Java is installed but not on your PATH.

HA Lab 需要 Java 17 或更高版本（当前：$found）。
请安装 JDK 或 JRE 17 或 21，例如 Eclipse Temurin：https://adoptium.net/zh-CN/
（国内镜像：https://mirrors.tuna.tsinghua.edu.cn/Adoptium/ ；Intel 芯片选 x64，Apple 芯片选 aarch64），
然后重新启动 HA Lab。如果已安装 Java 但不在 PATH 中，请设置 JAVA_HOME。
MSG
    exit 3
fi

# The desktop app starts faster with the client compiler and the serial collector.
gui_opts=""
if [ $# -eq 0 ] || [ "$1" = gui ]; then
    gui_opts="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
fi
# shellcheck disable=SC2086 # the option lists are meant to split into words
exec "$java_cmd" -Dfile.encoding=UTF-8 $gui_opts ${HALAB_JAVA_OPTS:-} \
    -cp "$here/halab.jar:$here/lib/*" dev.halab.Launcher "$@"
