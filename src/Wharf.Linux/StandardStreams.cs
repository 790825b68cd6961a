namespace Wharf.Linux;

/// <summary>The process's stdin, stdout and stderr as <see cref="DescriptorStream"/>s, one instance each, shared by all writers.</summary>
public static class StandardStreams
{
    public static Stream Input { get; } = new DescriptorStream(0, readable: true);

    public static Stream Output { get; } = new DescriptorStream(1, readable: false);

    public static Stream Error { get; } = new DescriptorStream(2, readable: false);
}
