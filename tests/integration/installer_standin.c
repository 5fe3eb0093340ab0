/* Stand-in for epages-sync.exe in the installer test (tests/integration/test_installer.py), built with
 * mingw-w64 as a windowed program like the real one.
 *
 * Each start appends its command line to calls.txt and exits with the first code listed in codes.txt (one
 * per line, used up one a start; 0 when none is left), both in the folder named by EPAGES_SYNC_STANDIN_DIR.
 * So the test decides what "remove-all-data" answers the uninstaller, start after start, and sees how the
 * uninstaller called it. It never touches anything else.
 */
#include <windows.h>
#include <stdio.h>
#include <string.h>

int main(void) {
    char dir[MAX_PATH], calls[MAX_PATH + 16], codes[MAX_PATH + 16], rest[4096];
    DWORD length = GetEnvironmentVariableA("EPAGES_SYNC_STANDIN_DIR", dir, sizeof dir);
    if (length == 0 || length >= sizeof dir)
        return 99; /* not started by the test: no code the real program uses */
    snprintf(calls, sizeof calls, "%s\\calls.txt", dir);
    snprintf(codes, sizeof codes, "%s\\codes.txt", dir);

    FILE *file = fopen(calls, "a");
    if (file == NULL)
        return 98;
    fprintf(file, "%s\n", GetCommandLineA());
    fclose(file);

    int code = 0;
    file = fopen(codes, "r");
    if (file != NULL) {
        if (fscanf(file, "%d", &code) != 1)
            code = 0;
        size_t kept = fread(rest, 1, sizeof rest - 1, file);
        rest[kept] = '\0';
        fclose(file);
        file = fopen(codes, "w");
        if (file == NULL)
            return 97;
        fputs(rest + strspn(rest, "\r\n"), file);
        fclose(file);
    }
    return code;
}
