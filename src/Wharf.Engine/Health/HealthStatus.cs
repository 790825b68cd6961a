namespace Wharf.Engine.Health;

/// <summary>The values of <c>State.Health.Status</c>.</summary>
public static class HealthStatus
{
    public const string Starting = "starting";
    public const string Healthy = "healthy";
    public const string Unhealthy = "unhealthy";
}
