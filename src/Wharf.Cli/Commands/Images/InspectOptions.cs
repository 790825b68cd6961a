namespace Wharf.Cli.Commands.Images;

public sealed record InspectOptions(IReadOnlyList<string> Names, string? Format, string? Type)
{
    /// <summary><c>-s</c>: container sizes (SizeRw, SizeRootFs); images ignore it.</summary>
    public bool Size { get; init; }
}
