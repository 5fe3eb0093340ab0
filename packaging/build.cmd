@echo off
rem Build the epages-sync bundle on Windows: dist\epages-sync\ (see packaging\README.md).
rem Uses the Python launcher "py"; the app must be installed in that Python first: py -3 -m pip install .
cd /d "%~dp0.."
py -3 packaging\build.py %*
if errorlevel 1 (
  echo The build failed. & exit /b 1
)
