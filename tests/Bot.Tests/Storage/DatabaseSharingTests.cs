using System.Text;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Core.Schema;
using SupportBot.Core.Storage.Sqlite;

namespace SupportBot.Bot.Tests.Storage;

/// <summary>
/// A running host keeps its SQLite file to itself unless told to share it (Storage:Sqlite:SharedWithOtherProcesses):
/// another process is refused with a message that says why, or, shared, reads what the host wrote.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class DatabaseSharingTests : IDisposable
{
    private readonly string _folder = RepoPaths.NewTempFolder();

    private string DatabasePath => Path.Combine(_folder, "data", "supportbot.db");

    [Fact]
    public async Task SecondHostOnTheSameDataFolder_ExitsSayingTheDatabaseIsInUse()
    {
        using var first = await StartHostAsync();

        using var second = BotProcess.Start(_folder, ["--urls", $"http://127.0.0.1:{BotProcess.FreePort()}"], redirectInput: true);
        var exitCode = await second.RunToEndAsync(string.Empty);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("is in use by another process", second.Stdout + second.Stderr);
        Assert.Contains("SharedWithOtherProcesses", second.Stdout + second.Stderr);
        using var health = await first.Client.GetAsync("/health");
        Assert.True(health.IsSuccessStatusCode, "the first host still serves");
    }

    [Fact]
    public async Task OpenFromAnotherProcessWhileTheHostRuns_IsRefusedWithAClearError()
    {
        using var host = await StartHostAsync();

        var error = Assert.Throws<InvalidOperationException>(() => SqliteStorage.Open(new SqliteStorageOptions
        {
            FilePath = DatabasePath,
            SharedWithOtherProcesses = true,
            BusyTimeout = TimeSpan.FromSeconds(1),
        }));

        Assert.Contains(DatabasePath, error.Message);
        Assert.Contains("Storage:Sqlite:SharedWithOtherProcesses=true", error.Message);
    }

    [Fact]
    public async Task SharedWithOtherProcesses_AnotherProcessReadsWhatTheRunningHostWrote()
    {
        using var host = await StartHostAsync("--Storage:Sqlite:SharedWithOtherProcesses=true");
        var conversationId = TestActivities.NewConversationId();
        using (var response = await host.Client.PostAsync("/api/messages",
            new StringContent(ActivityJson.Serialize(TestActivities.Message("hi", conversationId)), Encoding.UTF8, "application/json")))
        {
            response.EnsureSuccessStatusCode();
        }

        using var store = SqliteStorage.Open(new SqliteStorageOptions { FilePath = DatabasePath, SharedWithOtherProcesses = true });
        var transcript = await BotTestServer.ReadTranscriptAsync(store, "test", conversationId);

        Assert.Equal("hi", transcript[0].Text);
        Assert.Equal(2, transcript.Count);
        Assert.Equal(transcript[0].Id, transcript[1].ReplyToId);
    }

    public void Dispose() => RepoPaths.DeleteTempFolder(_folder);

    private Task<RunningHost> StartHostAsync(params string[] extraArgs) => RunningHost.StartAsync(_folder, extraArgs);
}
