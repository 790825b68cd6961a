// wharf-shim is Linux-only (runc, ptys, subreaping); saying so once keeps the platform analyzer quiet everywhere.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
