using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Bot.Storage;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Core.Storage;
using SupportBot.Core.Storage.Sqlite;

namespace SupportBot.Bot.Tests.Storage;

/// <summary>Backups of the running bot's SQLite file (Storage:Sqlite:BackupFolder): named by time, the newest kept, failures logged.</summary>
[Collection(ProcessCollection.Name)]
public sealed class SqliteBackupServiceTests : IDisposable
{
    private readonly string _folder = RepoPaths.NewTempFolder();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 21, 0, 0, TimeSpan.Zero));
    private readonly RecordingLogger _logger = new();

    private string Backups => Path.Combine(_folder, "backups");

    [Fact]
    public async Task BackUpOnce_ThreeTimesKeepingTwo_LeavesTheNewestTwoEachAWholeDatabase()
    {
        using var store = BotStore.Open(new StorageOptions { DataFolder = Path.Combine(_folder, "data") });
        var service = Service(store);

        for (var i = 1; i <= 3; i++)
        {
            await store.Storage.WriteAsync(new Dictionary<string, StoreItem> { ["k"] = new(System.Text.Json.JsonSerializer.SerializeToElement(new { n = i }), StoreItem.AnyETag) });
            service.BackUpOnce(store.Sqlite!, Backups, kept: 2);
            _time.Advance(TimeSpan.FromHours(1));
        }

        var names = Directory.GetFiles(Backups).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["supportbot-20261124T220000Z.db", "supportbot-20261124T230000Z.db"], names);
        using var newest = SqliteStorage.Open(new SqliteStorageOptions { FilePath = Path.Combine(Backups, names[1]) });
        Assert.Equal(3, (await newest.ReadAsync(["k"]))["k"].Value.GetProperty("n").GetInt32());
        Assert.Equal(3, _logger.Entries.Count(e => e.Id == 102));
    }

    [Fact]
    public void BackUpOnce_FolderIsAFile_LogsTheFailureAndTheNextOneWorks()
    {
        using var store = BotStore.Open(new StorageOptions { DataFolder = Path.Combine(_folder, "data") });
        var service = Service(store);
        File.WriteAllText(Backups, "not a folder");

        service.BackUpOnce(store.Sqlite!, Backups, kept: 7);
        File.Delete(Backups);
        service.BackUpOnce(store.Sqlite!, Backups, kept: 7);

        var failure = Assert.Single(_logger.Entries, e => e.Id == 103);
        Assert.Equal(LogLevel.Warning, failure.Level);
        Assert.NotNull(failure.Exception);
        Assert.Single(Directory.GetFiles(Backups));
    }

    [Theory]
    [InlineData("Memory", "00:05:00", 7, "Storage:Provider=Sqlite")]
    [InlineData("Sqlite", "00:00:30", 7, "Storage:Sqlite:BackupInterval")]
    [InlineData("Sqlite", "1.00:00:00", 0, "Storage:Sqlite:BackupsKept")]
    public void Validate_BadBackupSetting_FailsNamingTheKey(string provider, string interval, int kept, string expected)
    {
        var options = new StorageOptions { Provider = provider };
        options.Sqlite.BackupFolder = "backups";
        options.Sqlite.BackupInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture);
        options.Sqlite.BackupsKept = kept;

        var result = new StorageOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage);
    }

    [Fact]
    public async Task RunningHost_WithABackupFolder_WritesABackupAtStart()
    {
        var backups = Path.Combine(_folder, "host-backups");
        using var host = await RunningHost.StartAsync(_folder, $"--Storage:Sqlite:BackupFolder={backups}");

        using var timeout = new CancellationTokenSource(BotProcess.Timeout);
        while (!Directory.Exists(backups) || Directory.GetFiles(backups, "supportbot-*.db").Length == 0)
        {
            await Task.Delay(100, timeout.Token);
        }

        using var copy = SqliteStorage.Open(new SqliteStorageOptions { FilePath = Directory.GetFiles(backups, "supportbot-*.db").Single() });
        Assert.Equal(SqliteMigrations.LatestVersion, copy.SchemaVersion);
    }

    public void Dispose() => RepoPaths.DeleteTempFolder(_folder);

    private SqliteBackupService Service(BotStore store) =>
        new(store, Options.Create(new StorageOptions()), _time, _logger);

    private sealed record Entry(int Id, LogLevel Level, Exception? Exception);

    private sealed class RecordingLogger : ILogger<SqliteBackupService>
    {
        private readonly ConcurrentQueue<Entry> _entries = new();

        public IReadOnlyList<Entry> Entries => [.. _entries];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _entries.Enqueue(new Entry(eventId.Id, logLevel, exception));
    }
}
