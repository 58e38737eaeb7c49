using Microsoft.Extensions.Options;
using SupportBot.Bot.Storage;
using SupportBot.Bot.Tests.Infrastructure;

namespace SupportBot.Bot.Tests.Storage;

public sealed class StorageOptionsTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions());

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("Provider", "Postgres", "Storage:Provider")]
    [InlineData("Synchronous", "Extra", "Storage:Sqlite:Synchronous")]
    [InlineData("FileName", "a/b.db", "Storage:Sqlite:FileName")]
    [InlineData("DataFolder", " ", "Storage:DataFolder")]
    public void Validate_BadValue_FailsNamingTheKey(string property, string value, string key)
    {
        var options = new StorageOptions();
        switch (property)
        {
            case "Provider": options.Provider = value; break;
            case "Synchronous": options.Sqlite.Synchronous = value; break;
            case "FileName": options.Sqlite.FileName = value; break;
            default: options.DataFolder = value; break;
        }

        var result = new StorageOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage);
    }

    [Fact]
    public async Task StartAsync_BadProvider_FailsNamingTheKey()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            BotTestServer.StartAsync(new Dictionary<string, string?> { ["Storage:Provider"] = "Cassandra" }));

        Assert.Contains("Storage:Provider", failure.Message);
    }

    [Fact]
    public void Open_SqliteProvider_CreatesTheDataFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "supportbot-" + Guid.NewGuid().ToString("N"), "nested");
        try
        {
            using var store = BotStore.Open(new StorageOptions { DataFolder = folder });

            Assert.Equal(Path.Combine(folder, "supportbot.db"), store.FilePath);
            Assert.True(File.Exists(store.FilePath));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }
}
