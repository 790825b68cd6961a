namespace Wharf.Engine.Images;

/// <summary>Which containers use an image: an image in use cannot be deleted without force, or at all while one runs.</summary>
public interface IImageContainerUsage
{
    /// <summary>The containers created from <paramref name="imageId"/> (<c>sha256:…</c>), oldest first.</summary>
    IReadOnlyList<ImageUser> ContainersUsing(string imageId);
}
