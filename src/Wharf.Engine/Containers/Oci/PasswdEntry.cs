namespace Wharf.Engine.Containers.Oci;

/// <summary>A line of /etc/passwd (name:password:uid:gid:gecos:home:shell), the fields user resolution uses.</summary>
public sealed record PasswdEntry(string Name, int Uid, int Gid, string Home);
