namespace Wharf.Shim.Protocol;

/// <summary>The log drivers a shim writes itself.</summary>
public static class LogDrivers
{
    public const string JsonFile = "json-file";
    public const string Local = "local";
    public const string None = "none";
}
