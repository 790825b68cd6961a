namespace Wharf.Cli.Tests.Containers;

/// <summary>A request the scripted daemon received: method, path (version prefix removed), query, headers, body.</summary>
internal sealed record DaemonRequest(string Method, string Target, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>"POST /containers/x/wait?condition=next-exit", the form the tests compare.</summary>
    public string Line => Method + " " + Path + (Query.Length > 0 ? "?" + Query : "");
}
