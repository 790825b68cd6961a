namespace Wharf.Engine.Stats;

/// <summary>Reads a container's cgroup counters (v1 or v2).</summary>
public interface ICgroupStatsReader
{
    /// <summary>The counters of the cgroup at OCI <paramref name="cgroupsPath"/>; throws IOException when it is gone.</summary>
    CgroupSample Read(string cgroupsPath);
}
