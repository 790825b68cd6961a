using Wharf.Engine.Runtime;

namespace Wharf.Engine.Containers;

/// <summary>An attach to a container that does not run yet: it is connected at the next start, before any output is lost.</summary>
internal sealed record PendingAttach(bool Stdin, bool Stdout, bool Stderr, TaskCompletionSource<IRuntimeStream> Stream);
