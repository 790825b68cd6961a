// The shim and its tests are Linux-only (runc, ptys, cgroups).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
