; Inno Setup script for the SpecAssist Windows installer.
; Build on Windows after `pyinstaller installer\specassist.spec` (see installer\README.md):
;   iscc /DAppVersion=0.1.0 installer\windows\specassist.iss
; Installs per user or for all users, adds a Start-menu entry and opens .specassist
; project files with SpecAssist by double-click.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6C3E0B53-4F3B-4E7E-9C55-2A1D8B1E5A17}
AppName=SpecAssist
AppVersion={#AppVersion}
AppPublisher=SpecAssist
DefaultDirName={autopf}\SpecAssist
DefaultGroupName=SpecAssist
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=SpecAssist-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ChangesAssociations=yes
WizardStyle=modern
UninstallDisplayIcon={app}\specassist.exe

[Files]
Source: "..\..\dist\specassist\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{group}\SpecAssist"; Filename: "{app}\specassist.exe"
Name: "{group}\Uninstall SpecAssist"; Filename: "{uninstallexe}"
Name: "{autodesktop}\SpecAssist"; Filename: "{app}\specassist.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked

[Registry]
Root: HKA; Subkey: "Software\Classes\.specassist"; ValueType: string; ValueName: ""; ValueData: "SpecAssist.Project"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\SpecAssist.Project"; ValueType: string; ValueName: ""; ValueData: "SpecAssist project"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\SpecAssist.Project\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\specassist.exe,0"
Root: HKA; Subkey: "Software\Classes\SpecAssist.Project\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\specassist.exe"" ""%1"""

[Run]
Filename: "{app}\specassist.exe"; Description: "Start SpecAssist"; Flags: nowait postinstall skipifsilent
