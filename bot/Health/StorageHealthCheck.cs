using Microsoft.Extensions.Diagnostics.HealthChecks;
using SupportBot.Core.Storage;

namespace SupportBot.Bot.Health;

/// <summary>Ready when the store answers a read of a probe key (whether or not the key exists).</summary>
internal sealed class StorageHealthCheck(IStorage storage) : IHealthCheck
{
    public const string ProbeKey = "health/probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.ReadAsync([ProbeKey], cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("Storage answers.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception goes to the health check log; the public body names only its type.
            return HealthCheckResult.Unhealthy($"Storage read failed ({ex.GetType().Name}).", ex);
        }
    }
}
