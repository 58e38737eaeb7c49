using SupportBot.Core.Delivery;

namespace SupportBot.Bot.Delivery;

/// <summary>
/// Retries undelivered outbox entries for as long as the host runs: what a failed send or a killed
/// process left behind goes out once a channel takes it.
/// </summary>
internal sealed class OutboxDeliveryService(OutboxDispatcher dispatcher) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => dispatcher.RunAsync(stoppingToken);
}
