using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Moq;
using SupportBot.Bot.Health;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Core.Storage;

namespace SupportBot.Bot.Tests.Health;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task GetHealth_StorageAnswers_Returns200WithHealthyJson()
    {
        await using var server = await BotTestServer.StartAsync();

        using var response = await server.Client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
    }

    [Fact]
    public async Task CheckHealthAsync_StorageReadFails_ReturnsUnhealthy()
    {
        var storage = new Mock<IStorage>();
        storage.Setup(s => s.ReadAsync(It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("disk gone"));
        var check = new StorageHealthCheck(storage.Object);

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.DoesNotContain("disk gone", result.Description);
    }

    [Fact]
    public async Task CheckHealthAsync_StorageAnswers_ReadsTheProbeKey()
    {
        var storage = new Mock<IStorage>();
        storage.Setup(s => s.ReadAsync(It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Dictionary<string, StoreItem>());
        var check = new StorageHealthCheck(storage.Object);

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
        storage.Verify(s => s.ReadAsync(It.Is<IReadOnlyCollection<string>>(k => k.Contains(StorageHealthCheck.ProbeKey)), It.IsAny<CancellationToken>()));
    }
}
