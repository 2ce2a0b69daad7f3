@echo off
rem HA Lab for Windows, from the download zip. Needs Java 17 or newer (JAVA_HOME, else java on PATH).
rem   double-click "HA Lab.cmd"            open the desktop app
rem   "HA Lab.cmd" validate --profile ...  the command line ("HA Lab.cmd" --help)
rem Extra JVM options: set HALAB_JAVA_OPTS=-Dhalab.lang=zh_CN
setlocal EnableExtensions
set "HERE=%~dp0"

set "JAVA_CMD="
set "JAVAW_CMD="
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" (
    set "JAVA_CMD=%JAVA_HOME%\bin\java.exe"
    set "JAVAW_CMD=%JAVA_HOME%\bin\javaw.exe"
)
if not defined JAVA_CMD (
    for /f "delims=" %%J in ('where java.exe 2^>nul') do if not defined JAVA_CMD set "JAVA_CMD=%%J"
    for /f "delims=" %%J in ('where javaw.exe 2^>nul') do if not defined JAVAW_CMD set "JAVAW_CMD=%%J"
)

rem "call" keeps cmd from stripping the quotes around a path with spaces.
rem "17.0.2" -> 17, "1.8.0_402" -> 1 (too old), "21-ea" -> 21
set "MAJOR=0"
if defined JAVA_CMD (
    for /f "tokens=3" %%V in ('call "%JAVA_CMD%" -version 2^>^&1 ^| findstr /i version') do (
        for /f "tokens=1 delims=.-_" %%M in ("%%~V") do set "MAJOR=%%M"
    )
)
set /a MAJOR_NUMBER=%MAJOR% 2>nul
if not defined MAJOR_NUMBER set "MAJOR_NUMBER=0"
if %MAJOR_NUMBER% LSS 17 goto :nojava

set "CP=%HERE%halab.jar;%HERE%lib\*"
if "%~1"=="" goto :gui
if /i "%~1"=="gui" goto :gui
"%JAVA_CMD%" -Dfile.encoding=UTF-8 %HALAB_JAVA_OPTS% -cp "%CP%" dev.halab.Launcher %*
exit /b %ERRORLEVEL%

:gui
rem javaw: no console window stays open behind the desktop app
if not defined JAVAW_CMD set "JAVAW_CMD=%JAVA_CMD%"
start "HA Lab" "%JAVAW_CMD%" -Dfile.encoding=UTF-8 -XX:TieredStopAtLevel=1 -XX:+UseSerialGC %HALAB_JAVA_OPTS% -cp "%CP%" dev.halab.Launcher %*
exit /b 0

:nojava
chcp 65001 >nul
echo HA Lab needs Java 17 or newer.
echo Install a JDK or JRE 17 or 21 for Windows x64, e.g. Eclipse Temurin from https://adoptium.net/
echo (the .msi installer; tick "Set JAVA_HOME variable"), then start HA Lab again.
echo.
echo HA Lab 需要 Java 17 或更高版本。
echo 请安装 Windows x64 版 JDK 或 JRE 17 或 21，例如 Eclipse Temurin：https://adoptium.net/zh-CN/
echo （国内镜像：https://mirrors.tuna.tsinghua.edu.cn/Adoptium/ ；使用 .msi 安装包并勾选 "Set JAVA_HOME variable"），
echo 然后重新启动 HA Lab。
echo.
pause
exit /b 3
