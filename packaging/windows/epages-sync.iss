; Windows installer for epages-sync (Inno Setup 6).
;
; Build the bundle first (python packaging\build.py), then:
;   iscc /DAppVersion=0.1.0 packaging\windows\epages-sync.iss
; The installer lands in dist\ as epages-sync-<version>-setup.exe.
;
; Per-user: no administrator needed, installs into %LOCALAPPDATA%\Programs\epages-sync. The autostart
; box writes the same Run value the app's own "start with Windows" switch writes (epages_sync/autostart.py).
; The uninstaller offers to remove all data through the app's own "remove-all-data" command, which knows
; every file, the saved passwords and the autostart entry.
;
; tests/integration/test_installer.py compiles, installs and uninstalls it under wine on every CI run
; (/DBundleDir= points it at a stand-in bundle).
;
; Keep this file UTF-8 with a byte order mark: without it Inno Setup misreads the German and Dutch texts.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\epages-sync"
#endif
#define AppName "epages-sync"
#define AppExe "epages-sync.exe"
; Exit codes of "epages-sync remove-all-data" (epages_sync/removal.py).
#define RemovalIncomplete 1
#define RemovalAppRunning 4

[Setup]
; Never change the AppId: it is how an update finds the installed copy.
AppId={{A8346656-44E4-4AB4-865C-3E58427D7F1C}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
; What {autopf} means for a per-user install (this script never installs for all users), spelled out: wine
; has no per-user Program Files folder, and the installer test runs this setup under wine.
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\app\epages-sync.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An update closes a running copy first (the files of a running program cannot be replaced).
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "de"; MessagesFile: "compiler:Languages\German.isl"
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"

[CustomMessages]
en.AutostartTask=Start epages-sync when I sign in (it waits in the tray, next to the clock)
de.AutostartTask=epages-sync bei der Anmeldung starten (wartet im Infobereich neben der Uhr)
nl.AutostartTask=epages-sync starten bij het aanmelden (wacht in het systeemvak naast de klok)
en.StartGroup=Starting:
de.StartGroup=Start:
nl.StartGroup=Starten:
en.DemoShortcut=epages-sync demo shop
de.DemoShortcut=epages-sync Demo-Shop
nl.DemoShortcut=epages-sync demowebshop
en.RemoveDataQuestion=Also remove all epages-sync data from this computer?%n%nThis deletes the settings, the passwords saved in the Windows Credential Manager, the database and the logs. It cannot be undone.%n%nChoose No to keep them for a later installation.
de.RemoveDataQuestion=Auch alle Daten von epages-sync von diesem Computer entfernen?%n%nDabei werden die Einstellungen, die in der Windows-Anmeldeinformationsverwaltung gespeicherten Kennwörter, die Datenbank und die Protokolle gelöscht. Das kann nicht rückgängig gemacht werden.%n%nWählen Sie Nein, um sie für eine spätere Installation zu behalten.
nl.RemoveDataQuestion=Ook alle gegevens van epages-sync van deze computer verwijderen?%n%nDit verwijdert de instellingen, de wachtwoorden in Windows Referentiebeheer, de database en de logboeken. Dit kan niet ongedaan worden gemaakt.%n%nKies Nee om ze te bewaren voor een latere installatie.
en.StillRunning=epages-sync is still running, so its data cannot be removed.%n%nQuit it first (right-click the tray icon next to the clock, then Quit; or stop the service), then click Retry.
de.StillRunning=epages-sync läuft noch, daher können seine Daten nicht entfernt werden.%n%nBeenden Sie es zuerst (Rechtsklick auf das Symbol neben der Uhr, dann Beenden; oder den Dienst anhalten) und klicken Sie dann auf Wiederholen.
nl.StillRunning=epages-sync draait nog, daarom kunnen de gegevens niet worden verwijderd.%n%nSluit het eerst af (rechtsklik op het pictogram naast de klok, dan Afsluiten; of stop de service) en klik dan op Opnieuw.
en.RemovalIncomplete=Not all data could be removed. Some files were in use or the password store was locked.%n%nRun "epages-sync-cli.exe remove-all-data" later to see what is left, or delete the folder %1 by hand.
de.RemovalIncomplete=Nicht alle Daten konnten entfernt werden. Einige Dateien waren in Benutzung oder die Kennwortverwaltung war gesperrt.%n%nFühren Sie später "epages-sync-cli.exe remove-all-data" aus, um zu sehen, was übrig ist, oder löschen Sie den Ordner %1 von Hand.
nl.RemovalIncomplete=Niet alle gegevens konden worden verwijderd. Sommige bestanden waren in gebruik of het wachtwoordbeheer was vergrendeld.%n%nVoer later "epages-sync-cli.exe remove-all-data" uit om te zien wat er over is, of verwijder de map %1 met de hand.
en.RemovalNotStarted=The data could not be removed: epages-sync.exe did not start (%1). Your data was kept.
de.RemovalNotStarted=Die Daten konnten nicht entfernt werden: epages-sync.exe ließ sich nicht starten (%1). Ihre Daten bleiben erhalten.
nl.RemovalNotStarted=De gegevens konden niet worden verwijderd: epages-sync.exe startte niet (%1). Je gegevens zijn bewaard.

[Tasks]
Name: "autostart"; Description: "{cm:AutostartTask}"; GroupDescription: "{cm:StartGroup}"
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autoprograms}\{cm:DemoShortcut}"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; The same value name and command line as epages_sync/autostart.py writes, so both switches agree.
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; ValueName: "{#AppName}"; ValueData: """{app}\{#AppExe}"" --minimized"; Flags: uninsdeletevalue; Tasks: autostart

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
procedure RemoveAllData();
var
  ResultCode: Integer;
  Again: Boolean;
  ExePath, Reason: String;
begin
  ExePath := ExpandConstant('{app}\{#AppExe}');
  repeat
    Again := False;
    if not Exec(ExePath, 'remove-all-data --yes', '', SW_HIDE, ewWaitUntilTerminated, ResultCode) then
    begin
      // Some of Windows' texts name the program as "%1" ("%1 is not a valid Win32 application").
      Reason := SysErrorMessage(ResultCode);
      StringChangeEx(Reason, '%1', ExePath, True);
      MsgBox(FmtMessage(CustomMessage('RemovalNotStarted'), [Reason]), mbError, MB_OK);
    end
    else if ResultCode = {#RemovalAppRunning} then
      Again := MsgBox(CustomMessage('StillRunning'), mbError, MB_RETRYCANCEL) = IDRETRY
    else if ResultCode <> 0 then
      MsgBox(FmtMessage(CustomMessage('RemovalIncomplete'), [ExpandConstant('{localappdata}\{#AppName}')]),
             mbError, MB_OK);
  until not Again;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  // Before the files go: the removal runs the installed program itself. A silent uninstall (an update
  // script, an admin tool) never deletes a shop's data.
  if (CurUninstallStep = usUninstall) and not UninstallSilent then
    if MsgBox(CustomMessage('RemoveDataQuestion'), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
      RemoveAllData();
  // A switch-off from Task Manager's Startup tab leaves a value of its own behind.
  if CurUninstallStep = usPostUninstall then
    RegDeleteValue(HKEY_CURRENT_USER,
      'Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run', '{#AppName}');
end;
