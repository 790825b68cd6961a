using Wharf.Api;
using Wharf.Engine.Containers.Oci;
using Wharf.Engine.Errors;

namespace Wharf.Engine.Tests.Containers.Oci;

public sealed class UserResolverTests : IDisposable
{
    private readonly SpecBundle _bundle = new();

    public void Dispose() => _bundle.Dispose();

    [Theory]
    [InlineData("", 0u, 0u, new uint[] { 0 })]
    [InlineData("root", 0u, 0u, new uint[] { 0 })]
    [InlineData("bob", 1000u, 1000u, new uint[] { 1000, 27, 999 })]
    [InlineData("1000", 1000u, 1000u, new uint[] { 1000, 27, 999 })]
    [InlineData("bob:staff", 1000u, 50u, new uint[] { 50 })]
    [InlineData("bob:29", 1000u, 29u, new uint[] { 29 })]
    [InlineData("1234", 1234u, 0u, new uint[] { 0 })]
    [InlineData("1234:4321", 1234u, 4321u, new uint[] { 4321 })]
    [InlineData("daemon", 1u, 1u, new uint[] { 1 })]
    public void User_specs_resolve_like_docker(string spec, uint uid, uint gid, uint[] additional)
    {
        var user = UserResolver.Resolve(_bundle.Rootfs, spec, null);

        Assert.Equal(uid, user.Uid);
        Assert.Equal(gid, user.Gid);
        Assert.Equal(additional, user.AdditionalGids);
    }

    [Fact]
    public void Group_add_appends_names_and_numbers_once()
    {
        var user = UserResolver.Resolve(_bundle.Rootfs, "bob", ["audio", "4242", "29"]);

        Assert.Equal([1000u, 27u, 999u, 29u, 4242u], user.AdditionalGids);
    }

    [Theory]
    [InlineData("alice", null, "unable to find user alice: no matching entries in passwd file")]
    [InlineData("bob:nogroup", null, "unable to find group nogroup: no matching entries in group file")]
    [InlineData("bob", "video", "Unable to find group video: no matching entries in group file")]
    public void Unknown_names_are_refused_with_dockers_messages(string spec, string? groupAdd, string message)
    {
        var error = Assert.Throws<EngineException>(() => UserResolver.Resolve(_bundle.Rootfs, spec, groupAdd is null ? null : [groupAdd]));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Without_passwd_only_numeric_users_work()
    {
        File.Delete(Path.Combine(_bundle.Rootfs, "etc/passwd"));
        File.Delete(Path.Combine(_bundle.Rootfs, "etc/group"));

        Assert.Equal(0u, UserResolver.Resolve(_bundle.Rootfs, "", null).Uid);
        Assert.Equal(5u, UserResolver.Resolve(_bundle.Rootfs, "5:6", ["7"]).Uid);
        Assert.Equal([6u, 7u], UserResolver.Resolve(_bundle.Rootfs, "5:6", ["7"]).AdditionalGids);
        Assert.Throws<EngineException>(() => UserResolver.Resolve(_bundle.Rootfs, "bob", null));
    }

    [Fact]
    public void Passwd_symlinks_are_resolved_inside_the_rootfs()
    {
        var etc = Path.Combine(_bundle.Rootfs, "etc");
        File.Move(Path.Combine(etc, "passwd"), Path.Combine(etc, "passwd.real"));
        // An absolute link must mean the rootfs's file, never the host's /etc/passwd.
        File.CreateSymbolicLink(Path.Combine(etc, "passwd"), "/etc/../etc/passwd.real");

        Assert.Equal(1000u, UserResolver.Resolve(_bundle.Rootfs, "bob", null).Uid);
        Assert.Equal(_bundle.Rootfs + "/etc/passwd.real", ScopedPath.Resolve(_bundle.Rootfs, "/etc/passwd"));
        Assert.Equal(_bundle.Rootfs + "/x", ScopedPath.Resolve(_bundle.Rootfs, "/../../x"));
    }

    [Fact]
    public void Spec_uses_the_containers_user_and_group_add()
    {
        var spec = SpecJson.Build(_bundle.Context(SpecBundle.Config() with { User = "bob" }, new HostConfig { GroupAdd = ["staff"] }));

        Assert.Equal("""{"uid":1000,"gid":1000,"additionalGids":[1000,27,999,50]}""", SpecJson.Compact(spec["process"]!["user"]));
        // Not root: the capabilities only bound what setuid programs may gain, as after execve(2).
        Assert.Null(spec["process"]!["capabilities"]!["effective"]);
        Assert.Null(spec["process"]!["capabilities"]!["permitted"]);
        Assert.Equal(14, spec["process"]!["capabilities"]!["bounding"]!.AsArray().Count);
    }
}
